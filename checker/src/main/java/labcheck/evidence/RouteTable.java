package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * EC2 DescribeRouteTables, one table.
 *
 * @param main               true when this is its VPC's main route table (an association with Main=true)
 * @param associatedSubnetIds subnets explicitly associated with this table
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteTable(String routeTableId, String vpcId, Boolean main, List<String> associatedSubnetIds,
                         List<Route> routes) {

    /** One route; exactly one target field is normally set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Route(
            String destinationCidrBlock,
            String destinationIpv6CidrBlock,
            String destinationPrefixListId,
            String gatewayId,
            String natGatewayId,
            String transitGatewayId,
            String egressOnlyInternetGatewayId,
            String networkInterfaceId,
            String instanceId,
            String vpcPeeringConnectionId,
            String state) {
    }
}
