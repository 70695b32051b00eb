package labcheck.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which cache in the evidence is graded when none carries the lab's id: the only Redis/Valkey
 * cache there (a standalone cluster, a replication group, or a serverless cache), as the collector
 * chose it. Every check grades that cache; only the name check reports the lab's id missing.
 *
 * <pre>{@code
 * Optional<String> other = GradedCache.inPlaceOf(evidence, "product-cache-cluster");   // e.g. "my-redis"
 * }</pre>
 */
public final class GradedCache {

    private GradedCache() {
    }

    /**
     * The id of the one cache graded in place of {@code labId}; empty when a cache carries
     * {@code labId}, when there are none or several, or when the caches could not be listed.
     */
    public static Optional<String> inPlaceOf(Evidence evidence, String labId) {
        if (evidence == null || labId == null || evidence.cacheClusters() == null
                || !evidence.cacheClusters().available()) {
            return Optional.empty();
        }
        List<CacheCluster> clusters = evidence.cacheClusters().value();
        List<ReplicationGroup> groups = listOf(evidence.replicationGroups());
        List<ServerlessCache> serverless = listOf(evidence.serverlessCaches());
        boolean named = clusters.stream().anyMatch(c -> labId.equalsIgnoreCase(c.cacheClusterId())
                        || labId.equalsIgnoreCase(c.replicationGroupId()))
                || groups.stream().anyMatch(g -> labId.equalsIgnoreCase(g.replicationGroupId()))
                || serverless.stream().anyMatch(s -> labId.equalsIgnoreCase(s.serverlessCacheName()));
        if (named) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (Object candidate : candidates(clusters, groups, serverless)) {
            ids.add(candidate instanceof CacheCluster c ? c.cacheClusterId()
                    : candidate instanceof ReplicationGroup g ? g.replicationGroupId()
                    : ((ServerlessCache) candidate).serverlessCacheName());
        }
        // members of a group whose own description is missing still name one cache
        clusters.stream().filter(c -> c.replicationGroupId() != null && isRedis(c.engine()))
                .map(CacheCluster::replicationGroupId).distinct().filter(g -> !ids.contains(g)).forEach(ids::add);
        return ids.size() == 1 ? Optional.ofNullable(ids.get(0)) : Optional.empty();
    }

    /**
     * The caches that may stand in for the lab's when none carries its id, in the collector's order:
     * standalone Redis/Valkey clusters, replication groups (a group that reports no engine counts),
     * Redis/Valkey serverless caches. Each is a {@link CacheCluster}, {@link ReplicationGroup} or
     * {@link ServerlessCache}; the collector uses the only one, and so does every check.
     */
    public static List<Object> candidates(List<CacheCluster> clusters, List<ReplicationGroup> groups,
                                          List<ServerlessCache> serverless) {
        List<Object> out = new ArrayList<>();
        clusters.stream().filter(c -> c.replicationGroupId() == null && isRedis(c.engine())).forEach(out::add);
        groups.stream().filter(g -> g.engine() == null || isRedis(g.engine())).forEach(out::add);
        serverless.stream().filter(s -> isRedis(s.engine())).forEach(out::add);
        return out;
    }

    private static boolean isRedis(String engine) {
        return engine != null && (engine.equalsIgnoreCase("redis") || engine.equalsIgnoreCase("valkey"));
    }

    private static <T> List<T> listOf(Fact<List<T>> fact) {
        return fact != null && fact.available() ? fact.value() : List.of();
    }
}
