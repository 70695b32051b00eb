package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RDS DescribeDBInstances, one instance. No master password is ever part of this record. */
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
        Endpoint endpoint) {
}
