package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** EC2 DescribeInstances, one instance (its Name tag only; other tags are not kept). */
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
        List<String> securityGroupIds) {
}
