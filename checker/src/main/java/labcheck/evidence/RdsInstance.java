package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * RDS DescribeDBInstances, one instance. No master password is ever part of this record.
 *
 * @param instanceCreateTime when the instance was created, an ISO-8601 instant
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RdsInstance(
        String dbInstanceIdentifier,
        String engine,
        String engineVersion,
        String dbInstanceStatus,
        Boolean publiclyAccessible,
        String dbSubnetGroupName,
        String vpcId,
        List<String> subnetIds,
        List<String> vpcSecurityGroupIds,
        Endpoint endpoint,
        String instanceCreateTime) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static RdsInstanceBuilder builder() {
        return RdsInstanceBuilder.builder();
    }

    /** A builder holding this RdsInstance's fields, to change some and build a new one. */
    public RdsInstanceBuilder toBuilder() {
        return RdsInstanceBuilder.builder(this);
    }
}
