package labcheck.collect;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Fact;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.Subnet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/** The EC2 Describe calls, each narrowed by ids or filters and bounded in pages. */
record Ec2Calls(Ec2Client ec2, Calls calls) {

    /** At most this many instances are read per filter (five pages of 100). */
    static final int MAX_INSTANCES = 500;

    private static final Filter LIVE = Filter.builder().name("instance-state-name")
            .values("pending", "running", "stopping", "stopped").build();

    Fact<List<Subnet>> subnets(List<String> ids) {
        if (ids.isEmpty()) {
            return Fact.of(List.of());
        }
        return calls.call("ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(r -> r.subnetIds(ids))
                .subnets().stream().map(FromEc2::subnet).sorted(Comparator.comparing(Subnet::subnetId)).toList());
    }

    Fact<List<RouteTable>> routeTables(List<String> vpcIds) {
        return calls.call("ec2:DescribeRouteTables", () -> ec2
                .describeRouteTablesPaginator(r -> r.filters(Filter.builder().name("vpc-id").values(vpcIds).build()))
                .routeTables().stream().limit(MAX_INSTANCES).map(FromEc2::routeTable).toList());
    }

    Fact<List<SecurityGroup>> securityGroups(List<String> ids) {
        return calls.call("ec2:DescribeSecurityGroups", () -> ec2
                .describeSecurityGroupsPaginator(r -> r.groupIds(ids)).securityGroups().stream()
                .map(FromEc2::securityGroup).sorted(Comparator.comparing(SecurityGroup::groupId)).toList());
    }

    /** Instances in the cache's VPC(s), plus the one the app URL points at wherever it lives. */
    Fact<List<Ec2Instance>> instances(List<String> vpcIds, AppHost host) {
        List<Filter> byVpc = vpcIds.isEmpty() ? null
                : List.of(Filter.builder().name("vpc-id").values(vpcIds).build(), LIVE);
        List<Filter> byHost = host == null || host.filter() == null ? null
                : List.of(Filter.builder().name(host.filter()).values(host.host()).build(), LIVE);
        return calls.call("ec2:DescribeInstances", () -> {
            Map<String, Ec2Instance> all = new LinkedHashMap<>();
            for (List<Filter> filters : Stream.of(byVpc, byHost).filter(Objects::nonNull).toList()) {
                ec2.describeInstancesPaginator(r -> r.filters(filters).maxResults(100)).reservations().stream()
                        .flatMap(res -> res.instances().stream()).limit(MAX_INSTANCES).map(FromEc2::instance)
                        .forEach(i -> all.putIfAbsent(i.instanceId(), i));
            }
            return all.values().stream().sorted(Comparator.comparing(Ec2Instance::instanceId)).toList();
        });
    }
}
