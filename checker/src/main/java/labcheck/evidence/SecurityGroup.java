package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** EC2 DescribeSecurityGroups, one group with its inbound rules. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecurityGroup(String groupId, String groupName, String vpcId, List<IngressRule> ingressRules) {

    /**
     * One inbound permission, as EC2's IpPermission.
     *
     * @param ipProtocol {@code tcp}, {@code udp}, {@code icmp}, a number, or {@code -1} for all traffic
     * @param fromPort   null (or -1) when the protocol has no ports, i.e. all ports for {@code -1}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IngressRule(
            String ipProtocol,
            Integer fromPort,
            Integer toPort,
            List<String> ipv4Ranges,
            List<String> ipv6Ranges,
            List<String> referencedGroupIds,
            List<String> prefixListIds,
            String description) {
    }
}
