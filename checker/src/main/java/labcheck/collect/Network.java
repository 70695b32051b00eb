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
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Fact;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.Subnet;
import labcheck.evidence.Unavailable;

/**
 * The chosen cache's network: subnet group, subnets, its security groups, the EC2 instances
 * around it (those in its VPC, and the app URL's host wherever it lives), the subnets of those
 * instances, and the route table each reported subnet uses. Only the VPCs of the cache and of
 * those instances are read, so a second VPC (a default VPC routing to an internet gateway) never
 * leaks into the evidence, and its main table never decides for another VPC's subnet.
 */
final class Network {

    record Result(Fact<List<CacheSubnetGroup>> subnetGroups, Fact<List<Subnet>> subnets,
                  Fact<List<RouteTable>> routeTables, Fact<List<SecurityGroup>> securityGroups,
                  Fact<List<Ec2Instance>> instances, List<String> notes) {
    }

    private final AwsCollector.Api api;
    private final Ec2Calls ec2Calls;
    private final CacheDiscovery found;
    private final String appUrl;
    private final ExecutorService pool;

    Network(AwsCollector.Api api, CacheDiscovery found, String appUrl, ExecutorService pool) {
        this.api = api;
        this.ec2Calls = new Ec2Calls(api.c().ec2, api.calls());
        this.found = found;
        this.appUrl = appUrl;
        this.pool = pool;
    }

    Result collect() {
        List<String> notes = new ArrayList<>();
        if (found.blocked() != null) {
            Unavailable b = found.blocked();
            var hostOnly = searchableHost() == null ? AwsCollector.<List<Ec2Instance>>blockedBy(b, "EC2 instances")
                    : ec2Calls.instances(List.of(), searchableHost());
            notes.addAll(AppHost.notes(appUrl, hostOnly, List.of()));
            HostNetwork host = hostNetwork(hostOnly, b);
            return new Result(AwsCollector.blockedBy(b, "The cache's subnet group"), host.subnets(), host.tables(),
                    AwsCollector.blockedBy(b, "The cache's security groups"), hostOnly, notes);
        }
        var sgF = CompletableFuture.supplyAsync(this::securityGroups, pool);
        Fact<List<CacheSubnetGroup>> groups = found.subnetIds() != null ? Fact.of(List.of())
                : found.subnetGroupNames().isEmpty()
                        ? Fact.unavailable(notReported("the subnet group of the cache"))
                        : api.subnetGroups(found.subnetGroupNames());
        List<String> subnetIds = subnetIds(groups);
        Fact<List<Subnet>> subnets = subnetIds != null ? ec2Calls.subnets(subnetIds)
                : groups.available() ? Fact.unavailable(notReported("the subnets of the cache's subnet group"))
                : AwsCollector.blockedBy(groups.unavailable(), "The cache's subnets");
        List<String> vpcs = vpcs(groups, subnets);
        var instancesF = CompletableFuture.supplyAsync(() -> vpcs.isEmpty() && searchableHost() == null
                ? AwsCollector.<List<Ec2Instance>>blockedBy(subnets.available()
                        ? notReported("the cache's VPC") : subnets.unavailable(), "EC2 instances")
                : ec2Calls.instances(vpcs, searchableHost()), pool);
        Fact<List<RouteTable>> cacheTables = vpcs.isEmpty()
                ? AwsCollector.blockedBy(subnets.available() ? notReported("the cache's VPC") : subnets.unavailable(),
                        "The route tables")
                : ec2Calls.routeTables(vpcs);
        Fact<List<SecurityGroup>> sgs = sgF.join();
        Fact<List<Ec2Instance>> instances = instancesF.join();
        notes.addAll(AppHost.notes(appUrl, instances, sgs.available() ? sgs.value() : List.of()));
        InstanceSubnets around = InstanceSubnets.collect(ec2Calls, pool, instances, subnets, cacheTables, vpcs, notes);
        Map<String, String> vpcBySubnet = vpcBySubnet(subnetIds, groups, around.subnets(), instances);
        Fact<List<RouteTable>> tables = around.tables().map(all -> effectiveTables(all, vpcBySubnet));
        return new Result(groups, around.subnets(), tables, sgs, instances, notes);
    }

    private record HostNetwork(Fact<List<Subnet>> subnets, Fact<List<RouteTable>> tables) {
    }

    /**
     * Without a cache, the app host's own subnets and the tables they use, so its public-subnet
     * verdict does not hang on the cache; blocked as before when no instance was found.
     */
    private HostNetwork hostNetwork(Fact<List<Ec2Instance>> hosts, Unavailable blocked) {
        List<Ec2Instance> placed = !hosts.available() ? List.of() : hosts.value().stream()
                .filter(i -> i.subnetId() != null).toList();
        if (placed.isEmpty()) {
            return new HostNetwork(AwsCollector.blockedBy(blocked, "The cache's subnets"),
                    AwsCollector.blockedBy(blocked, "The route tables"));
        }
        List<String> subnetIds = placed.stream().map(Ec2Instance::subnetId).distinct().sorted().toList();
        List<String> vpcs = placed.stream().map(Ec2Instance::vpcId).filter(Objects::nonNull).distinct().sorted()
                .toList();
        var subnetsF = CompletableFuture.supplyAsync(() -> ec2Calls.subnets(subnetIds), pool);
        Fact<List<RouteTable>> all = vpcs.isEmpty() ? Fact.unavailable(notReported("the app host's VPC"))
                : ec2Calls.routeTables(vpcs);
        Fact<List<Subnet>> subnets = subnetsF.join();
        Map<String, String> vpcBySubnet = vpcBySubnet(List.of(), Fact.of(List.of()), subnets, hosts);
        return new HostNetwork(subnets, all.map(tables -> effectiveTables(tables, vpcBySubnet)));
    }

    /** The app URL's host when EC2 can be searched by it (not for localhost), else null. */
    private AppHost searchableHost() {
        AppHost host = AppHost.parse(appUrl);
        return host == null || host.filter() == null ? null : host;
    }

    private Fact<List<SecurityGroup>> securityGroups() {
        if (found.securityGroupIds() == null) {
            return Fact.unavailable(notReported("the cache's security groups"));
        }
        return found.securityGroupIds().isEmpty() ? Fact.of(List.of()) : ec2Calls.securityGroups(found.securityGroupIds());
    }

    private List<String> subnetIds(Fact<List<CacheSubnetGroup>> groups) {
        if (found.subnetIds() != null) {
            return found.subnetIds();
        }
        if (!groups.available() || groups.value().stream().anyMatch(g -> g.subnetIds() == null)) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        groups.value().forEach(g -> ids.addAll(g.subnetIds()));
        return List.copyOf(ids);
    }

    private static List<String> vpcs(Fact<List<CacheSubnetGroup>> groups, Fact<List<Subnet>> subnets) {
        Set<String> vpcs = new LinkedHashSet<>();
        if (groups.available()) {
            groups.value().stream().map(CacheSubnetGroup::vpcId).filter(Objects::nonNull).forEach(vpcs::add);
        }
        if (subnets.available()) {
            subnets.value().stream().map(Subnet::vpcId).filter(Objects::nonNull).forEach(vpcs::add);
        }
        return List.copyOf(vpcs);
    }

    /**
     * Each reported subnet's VPC: from DescribeSubnets, else from the cache subnet group or the
     * instance that sits in it; null when nothing says (then only an explicit association counts).
     */
    private static Map<String, String> vpcBySubnet(List<String> cacheSubnetIds, Fact<List<CacheSubnetGroup>> groups,
                                                   Fact<List<Subnet>> subnets, Fact<List<Ec2Instance>> instances) {
        Map<String, String> vpcs = new LinkedHashMap<>();
        if (groups.available()) {
            groups.value().stream().filter(g -> g.subnetIds() != null)
                    .forEach(g -> g.subnetIds().forEach(id -> vpcs.putIfAbsent(id, g.vpcId())));
        }
        (cacheSubnetIds == null ? List.<String>of() : cacheSubnetIds).forEach(id -> vpcs.putIfAbsent(id, null));
        if (instances.available()) {
            instances.value().stream().filter(i -> i.subnetId() != null)
                    .forEach(i -> vpcs.putIfAbsent(i.subnetId(), i.vpcId()));
        }
        if (subnets.available()) {
            subnets.value().stream().filter(s -> s.vpcId() != null).forEach(s -> vpcs.put(s.subnetId(), s.vpcId()));
        }
        return vpcs;
    }

    /**
     * The tables the given subnets actually use: each subnet's explicitly associated table, else
     * the main table of that subnet's own VPC (AWS's rule; another VPC's main table never applies),
     * so a check needs no knowledge of unrelated tables.
     *
     * @param vpcBySubnet each subnet and its VPC (null when unknown: then only an explicit association counts)
     */
    static List<RouteTable> effectiveTables(List<RouteTable> all, Map<String, String> vpcBySubnet) {
        Map<String, RouteTable> chosen = new LinkedHashMap<>();
        vpcBySubnet.forEach((subnet, vpc) -> all.stream()
                .filter(t -> t.associatedSubnetIds() != null && t.associatedSubnetIds().contains(subnet))
                .findFirst()
                .or(() -> all.stream().filter(t -> Boolean.TRUE.equals(t.main()) && vpc != null
                        && vpc.equals(t.vpcId())).findFirst())
                .ifPresent(t -> chosen.putIfAbsent(t.routeTableId(), t)));
        return chosen.values().stream().sorted(Comparator.comparing(RouteTable::routeTableId)).toList();
    }

    private static Unavailable notReported(String what) {
        return new Unavailable("NotReported", null, "AWS did not report " + what
                + ", so what depends on it could not be described.");
    }
}
