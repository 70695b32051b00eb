package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** EC2 DescribeSubnets, one subnet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subnet(String subnetId, String vpcId, String availabilityZone, String cidrBlock,
                     Boolean mapPublicIpOnLaunch) {
}
