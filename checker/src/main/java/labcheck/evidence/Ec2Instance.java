package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * EC2 DescribeInstances, one instance (its Name tag only; other tags are not kept).
 *
 * @param launchTime when the instance was last started (launched, or started again after a stop), an
 *                   ISO-8601 instant: EC2 keeps no other creation time
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ec2Instance(
        String instanceId,
        String name,
        String state,
        String instanceType,
        String vpcId,
        String subnetId,
        String publicIpAddress,
        String publicDnsName,
        String privateIpAddress,
        List<String> securityGroupIds,
        String launchTime) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Ec2InstanceBuilder builder() {
        return Ec2InstanceBuilder.builder();
    }

    /** A builder holding this Ec2Instance's fields, to change some and build a new one. */
    public Ec2InstanceBuilder toBuilder() {
        return Ec2InstanceBuilder.builder(this);
    }
}
