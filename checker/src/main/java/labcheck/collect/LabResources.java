package labcheck.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;

/**
 * The lab's resources as the collected evidence names them, each with what it is: the cache (its
 * clusters, replication group or serverless cache), its subnet group, the security groups (the
 * cache's, the instances' and the database's), the instances, the RDS instances, the subnets and
 * the route tables. CloudTrail's events are matched against these ids.
 *
 * <pre>{@code
 * Map<String, String> lab = LabResources.of(evidence);   // "sg-0redis" -> "EC2 security group", ...
 * }</pre>
 */
final class LabResources {

    /** At most this many ids are looked for; a lab has about fifteen. */
    static final int MAX = 100;

    private LabResources() {
    }

    /** Id to kind, sorted by id, at most {@link #MAX}. */
    static Map<String, String> of(Evidence e) {
        Map<String, String> all = new TreeMap<>();
        add(all, e.cacheClusters(), "ElastiCache cluster", c -> List.of(c.cacheClusterId()));
        add(all, e.replicationGroups(), "ElastiCache replication group", g -> List.of(g.replicationGroupId()));
        add(all, e.serverlessCaches(), "ElastiCache serverless cache", s -> List.of(s.serverlessCacheName()));
        add(all, e.cacheSubnetGroups(), "ElastiCache subnet group", g -> List.of(g.cacheSubnetGroupName()));
        add(all, e.securityGroups(), "EC2 security group", g -> List.of(g.groupId()));
        add(all, e.serverlessCaches(), "EC2 security group", s -> nonNull(s.securityGroupIds()));
        add(all, e.cacheClusters(), "EC2 security group", c -> nonNull(c.securityGroupIds()));
        add(all, e.instances(), "EC2 instance", i -> List.of(i.instanceId()));
        add(all, e.instances(), "EC2 security group", i -> nonNull(i.securityGroupIds()));
        add(all, e.dbInstances(), "RDS instance", d -> List.of(d.dbInstanceIdentifier()));
        add(all, e.dbInstances(), "RDS subnet group", d -> d.dbSubnetGroupName() == null ? List.of()
                : List.of(d.dbSubnetGroupName()));
        add(all, e.dbInstances(), "EC2 security group", d -> nonNull(d.vpcSecurityGroupIds()));
        add(all, e.subnets(), "EC2 subnet", s -> List.of(s.subnetId()));
        add(all, e.routeTables(), "EC2 route table", t -> List.of(t.routeTableId()));
        Map<String, String> capped = new LinkedHashMap<>();
        all.entrySet().stream().limit(MAX).forEach(en -> capped.put(en.getKey(), en.getValue()));
        return capped;
    }

    private static <T> void add(Map<String, String> all, Fact<List<T>> fact, String kind,
                                Function<T, List<String>> ids) {
        if (fact == null || !fact.available()) {
            return;
        }
        fact.value().stream().map(ids).flatMap(List::stream).filter(Objects::nonNull).filter(id -> !id.isBlank())
                .forEach(id -> all.putIfAbsent(id, kind));
    }

    private static List<String> nonNull(List<String> ids) {
        return ids == null ? List.of() : ids;
    }
}
