package labcheck.checks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import labcheck.engine.Unverifiable;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.GradedCache;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.rubric.Thresholds;
import org.opentest4j.AssertionFailedError;

/**
 * Finds the rubric's cluster id in the evidence, once for every check that needs it.
 *
 * <pre>{@code
 * CacheTarget cache = CacheTargets.require(evidence, thresholds, "node type");
 * }</pre>
 */
public final class CacheTargets {

    private CacheTargets() {
    }

    /**
     * The cache named {@code thresholds.clusterId()}: a cluster, a replication group with
     * members {@code <id>-001...}, or a serverless cache; else the only Redis/Valkey cache in
     * the evidence (see {@link GradedCache}); empty when there is neither.
     *
     * @throws Unverifiable when the clusters could not be listed
     */
    public static Optional<CacheTarget> find(Evidence evidence, Thresholds thresholds) {
        Optional<CacheTarget> named = byId(evidence, thresholds.clusterId());
        if (named.isPresent()) {
            return named;
        }
        return GradedCache.inPlaceOf(evidence, thresholds.clusterId()).flatMap(other -> byId(evidence, other));
    }

    /** Whether {@code cache} carries the lab's id (else it is the only cache, graded in its place). */
    public static boolean named(CacheTarget cache, Thresholds thresholds) {
        return cache.id() != null && cache.id().equalsIgnoreCase(thresholds.clusterId());
    }

    private static Optional<CacheTarget> byId(Evidence evidence, String id) {
        List<CacheCluster> clusters = Unverifiable.require(evidence.cacheClusters());
        Optional<CacheCluster> exact = clusters.stream().filter(c -> id.equalsIgnoreCase(c.cacheClusterId())).findFirst();
        if (exact.isPresent() && exact.get().replicationGroupId() == null) {
            return Optional.of(fromCluster(exact.get()));
        }
        String groupId = exact.map(CacheCluster::replicationGroupId).orElse(id);
        Optional<ReplicationGroup> group = listOrEmpty(evidence.replicationGroups()).stream()
                .filter(g -> groupId.equalsIgnoreCase(g.replicationGroupId())).findFirst();
        List<CacheCluster> members = clusters.stream()
                .filter(c -> groupId.equalsIgnoreCase(c.replicationGroupId())
                        || group.map(g -> g.memberClusters() != null && g.memberClusters().contains(c.cacheClusterId()))
                                .orElse(false))
                .sorted((a, b) -> a.cacheClusterId().compareTo(b.cacheClusterId()))
                .toList();
        if (group.isPresent() || !members.isEmpty()) {
            return Optional.of(fromGroup(groupId, group.orElse(null), members));
        }
        return listOrEmpty(evidence.serverlessCaches()).stream()
                .filter(s -> id.equalsIgnoreCase(s.serverlessCacheName()))
                .findFirst()
                .map(CacheTargets::fromServerless);
    }

    /**
     * The cache, or a failure saying it was not found so {@code aspect} cannot be judged.
     *
     * @throws Unverifiable when the clusters could not be listed
     */
    public static CacheTarget require(Evidence evidence, Thresholds thresholds, String aspect) {
        return find(evidence, thresholds).orElseThrow(() -> new AssertionFailedError("ElastiCache cluster "
                + thresholds.clusterId() + " was not found " + Texts.inRegion(region(evidence)) + ", so its " + aspect
                + " cannot be checked; see check elasticache_cluster_found for what to create. Fix: create it (`aws"
                + " elasticache create-cache-cluster --cache-cluster-id " + thresholds.clusterId() + " --engine redis"
                + " --cache-node-type " + thresholds.allowedNodeTypes().get(0) + " --num-cache-nodes "
                + thresholds.nodeCount() + "`), then run labcheck again once it is available."));
    }

    /** Says what was looked for, where, and what exists instead. */
    public static String notFound(Evidence evidence, Thresholds thresholds) {
        List<String> found = new ArrayList<>();
        Unverifiable.require(evidence.cacheClusters()).forEach(c -> found.add("cluster " + c.cacheClusterId()));
        listOrEmpty(evidence.replicationGroups()).forEach(g -> found.add("replication group " + g.replicationGroupId()));
        listOrEmpty(evidence.serverlessCaches()).forEach(s -> found.add("serverless cache " + s.serverlessCacheName()));
        String missing = "";
        if (evidence.serverlessCaches() != null && !evidence.serverlessCaches().available()) {
            missing = " (serverless caches could not be listed: " + evidence.serverlessCaches().unavailable().describe()
                    .replaceAll("\\.$", "") + ")";
        }
        return "No ElastiCache cluster, replication group or serverless cache named " + thresholds.clusterId()
                + " was found " + Texts.inRegion(region(evidence)) + "; found " + Texts.join(new TreeSet<>(found))
                + missing + ". The lab's Redis cluster must carry exactly this id. Fix: create it with"
                + " `aws elasticache create-cache-cluster --cache-cluster-id " + thresholds.clusterId()
                + " --engine redis --cache-node-type " + thresholds.allowedNodeTypes().get(0)
                + " --num-cache-nodes " + thresholds.nodeCount() + " --cache-subnet-group-name redis-subnet-group"
                + " --security-group-ids <redis-sg-id>`, or, if you gave it another name, ask your instructor"
                + " to set thresholds.clusterId in the rubric.";
    }

    public static String region(Evidence evidence) {
        return evidence.subject() == null ? null : evidence.subject().region();
    }

    private static <T> List<T> listOrEmpty(Fact<List<T>> fact) {
        return fact != null && fact.available() ? fact.value() : List.of();
    }

    private static CacheTarget fromCluster(CacheCluster c) {
        return new CacheTarget(CacheTarget.Kind.CLUSTER, c.cacheClusterId(), c.cacheClusterStatus(), c.engine(),
                c.engineVersion(), c.cacheNodeType(), c.numCacheNodes(), c.cacheSubnetGroupName(), List.of(),
                sorted(c.securityGroupIds()), List.of());
    }

    private static CacheTarget fromGroup(String id, ReplicationGroup group, List<CacheCluster> members) {
        CacheCluster primary = members.stream().filter(m -> m.cacheClusterId().equalsIgnoreCase(id + "-001"))
                .findFirst().orElse(members.isEmpty() ? null : members.get(0));
        List<String> memberIds = group != null && group.memberClusters() != null
                ? group.memberClusters().stream().sorted().toList()
                : members.stream().map(CacheCluster::cacheClusterId).toList();
        TreeSet<String> groups = new TreeSet<>();
        members.forEach(m -> groups.addAll(m.securityGroupIds() == null ? List.of() : m.securityGroupIds()));
        int nodes = members.isEmpty() ? memberIds.size()
                : members.stream().mapToInt(m -> m.numCacheNodes() == null ? 1 : m.numCacheNodes()).sum();
        String status = group != null && group.status() != null ? group.status()
                : primary == null ? null : primary.cacheClusterStatus();
        String nodeType = group != null && group.cacheNodeType() != null ? group.cacheNodeType()
                : primary == null ? null : primary.cacheNodeType();
        String engine = primary != null && primary.engine() != null ? primary.engine()
                : group == null ? null : group.engine();
        return new CacheTarget(CacheTarget.Kind.REPLICATION_GROUP, id, status, engine,
                primary == null ? null : primary.engineVersion(), nodeType, nodes,
                primary == null ? null : primary.cacheSubnetGroupName(), List.of(), List.copyOf(groups), memberIds);
    }

    private static CacheTarget fromServerless(ServerlessCache s) {
        return new CacheTarget(CacheTarget.Kind.SERVERLESS, s.serverlessCacheName(), s.status(), s.engine(),
                s.majorEngineVersion(), null, null, null, sorted(s.subnetIds()), sorted(s.securityGroupIds()),
                List.of());
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).sorted().distinct().toList();
    }
}
