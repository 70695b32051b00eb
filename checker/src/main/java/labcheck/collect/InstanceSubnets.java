package labcheck.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Fact;
import labcheck.evidence.RouteTable;
import labcheck.evidence.Subnet;

/**
 * Widens the cache's subnets and route tables with those of the EC2 instances reported around it
 * (the app host may sit in a public subnet of the cache's VPC, or in another VPC): without them a
 * check could only judge the app's subnet by a table that does not apply to it. The two extra
 * calls (ec2:DescribeSubnets by id, ec2:DescribeRouteTables by VPC) run in parallel, only for
 * what is not yet described; when the cache's network could not be described, the hosts' own
 * are asked for all the same, except a call that was itself denied (never asked twice). A
 * failure of an extra call keeps the cache's facts and adds a note.
 */
record InstanceSubnets(Fact<List<Subnet>> subnets, Fact<List<RouteTable>> tables) {

    static InstanceSubnets collect(Ec2Calls calls, ExecutorService pool, Fact<List<Ec2Instance>> instances,
                                   Fact<List<Subnet>> cacheSubnets, Fact<List<RouteTable>> cacheTables,
                                   List<String> cacheVpcs, List<String> notes) {
        if (!instances.available()) {
            return new InstanceSubnets(cacheSubnets, cacheTables);
        }
        if (!cacheSubnets.available()) {
            return hostOnly(calls, instances.value(), cacheSubnets, cacheTables);
        }
        Set<String> known = new LinkedHashSet<>();
        cacheSubnets.value().forEach(s -> known.add(s.subnetId()));
        List<String> subnetIds = instances.value().stream().map(Ec2Instance::subnetId).filter(Objects::nonNull)
                .filter(id -> !known.contains(id)).distinct().sorted().toList();
        List<String> vpcs = !cacheTables.available() ? List.of() : instances.value().stream()
                .map(Ec2Instance::vpcId).filter(Objects::nonNull).filter(v -> !cacheVpcs.contains(v))
                .distinct().sorted().toList();
        var subnetsF = CompletableFuture.supplyAsync(() -> calls.subnets(subnetIds), pool);
        Fact<List<RouteTable>> moreTables = vpcs.isEmpty() ? Fact.of(List.of()) : calls.routeTables(vpcs);
        Fact<List<Subnet>> moreSubnets = subnetsF.join();
        String who = instances.value().stream().filter(i -> i.subnetId() != null && !known.contains(i.subnetId()))
                .map(Ec2Instance::instanceId).distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("");
        return new InstanceSubnets(
                merge(cacheSubnets, moreSubnets, Subnet::subnetId, notes, "The subnets of EC2 instance(s) " + who),
                merge(cacheTables, moreTables, RouteTable::routeTableId, notes,
                        "The route tables of VPC(s) " + String.join(", ", vpcs)));
    }

    /**
     * The cache's network could not be described (its subnet group, say, was denied): the app
     * hosts' own subnets and their VPCs' route tables, unless that very call was the denied one.
     */
    private static InstanceSubnets hostOnly(Ec2Calls calls, List<Ec2Instance> hosts, Fact<List<Subnet>> cacheSubnets,
                                            Fact<List<RouteTable>> cacheTables) {
        List<String> ids = hosts.stream().map(Ec2Instance::subnetId).filter(Objects::nonNull).distinct().sorted()
                .toList();
        List<String> vpcs = hosts.stream().map(Ec2Instance::vpcId).filter(Objects::nonNull).distinct().sorted().toList();
        if (ids.isEmpty() || "ec2:DescribeSubnets".equals(cacheSubnets.unavailable().action())) {
            return new InstanceSubnets(cacheSubnets, cacheTables);
        }
        boolean tablesDenied = !cacheTables.available()
                && "ec2:DescribeRouteTables".equals(cacheTables.unavailable().action());
        Fact<List<RouteTable>> tables = cacheTables.available() || tablesDenied || vpcs.isEmpty() ? cacheTables
                : calls.routeTables(vpcs);
        return new InstanceSubnets(calls.subnets(ids), tables);
    }

    /** The cache's list plus the extra one (sorted by id), or the cache's alone with a note when the extra failed. */
    private static <T> Fact<List<T>> merge(Fact<List<T>> base, Fact<List<T>> more, Function<T, String> id,
                                           List<String> notes, String what) {
        if (!base.available()) {
            return base;
        }
        if (!more.available()) {
            notes.add(what + " could not be collected, so the placement of those instances is unknown: "
                    + more.unavailable().message());
            return base;
        }
        Map<String, T> all = new LinkedHashMap<>();
        base.value().forEach(v -> all.putIfAbsent(id.apply(v), v));
        more.value().forEach(v -> all.putIfAbsent(id.apply(v), v));
        List<T> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(id));
        return Fact.of(List.copyOf(sorted));
    }
}
