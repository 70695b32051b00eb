package labcheck.collect;

import java.util.List;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.Subnet;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** EC2's answers as evidence records; a list EC2 left out stays null (unknown). */
final class FromEc2 {

    private FromEc2() {
    }

    static Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet s) {
        return new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidrBlock(), s.mapPublicIpOnLaunch());
    }

    static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable t) {
        Boolean main = null;
        List<String> subnets = null;
        if (t.hasAssociations()) {
            main = t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
            subnets = t.associations().stream().map(RouteTableAssociation::subnetId).filter(id -> id != null).toList();
        }
        return new RouteTable(t.routeTableId(), t.vpcId(), main, subnets,
                t.hasRoutes() ? FromElastiCache.map(t.routes(), FromEc2::route) : null);
    }

    private static RouteTable.Route route(Route r) {
        return new RouteTable.Route(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(),
                r.destinationPrefixListId(), r.gatewayId(), r.natGatewayId(), r.transitGatewayId(),
                r.egressOnlyInternetGatewayId(), r.networkInterfaceId(), r.instanceId(),
                r.vpcPeeringConnectionId(), r.stateAsString());
    }

    static SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup g) {
        return new SecurityGroup(g.groupId(), g.groupName(), g.vpcId(),
                g.hasIpPermissions() ? FromElastiCache.map(g.ipPermissions(), FromEc2::rule) : null);
    }

    private static SecurityGroup.IngressRule rule(IpPermission p) {
        String description = null;
        if (p.hasIpRanges()) {
            description = p.ipRanges().stream().map(IpRange::description).filter(d -> d != null).findFirst()
                    .orElse(null);
        }
        if (description == null && p.hasUserIdGroupPairs()) {
            description = p.userIdGroupPairs().stream().map(UserIdGroupPair::description).filter(d -> d != null)
                    .findFirst().orElse(null);
        }
        return new SecurityGroup.IngressRule(p.ipProtocol(), p.fromPort(), p.toPort(),
                p.hasIpRanges() ? FromElastiCache.map(p.ipRanges(), IpRange::cidrIp) : null,
                p.hasIpv6Ranges() ? FromElastiCache.map(p.ipv6Ranges(), Ipv6Range::cidrIpv6) : null,
                p.hasUserIdGroupPairs() ? FromElastiCache.map(p.userIdGroupPairs(), UserIdGroupPair::groupId) : null,
                p.hasPrefixListIds() ? FromElastiCache.map(p.prefixListIds(), PrefixListId::prefixListId) : null,
                description);
    }

    static Ec2Instance instance(Instance i) {
        String name = i.hasTags() ? i.tags().stream().filter(t -> "Name".equals(t.key())).map(Tag::value)
                .findFirst().orElse(null) : null;
        return Ec2Instance.builder().instanceId(i.instanceId()).name(name)
                .state(i.state() == null ? null : i.state().nameAsString())
                .instanceType(i.instanceTypeAsString()).vpcId(i.vpcId()).subnetId(i.subnetId())
                .publicIpAddress(blankToNull(i.publicIpAddress()))
                .publicDnsName(blankToNull(i.publicDnsName()))
                .privateIpAddress(i.privateIpAddress())
                .securityGroupIds(i.hasSecurityGroups() ? FromElastiCache.map(i.securityGroups(),
                        GroupIdentifier::groupId) : null)
                .launchTime(FromElastiCache.instant(i.launchTime()))
                .build();
    }

    /** EC2 reports "no public DNS name" as an empty string; record that as absent. */
    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
