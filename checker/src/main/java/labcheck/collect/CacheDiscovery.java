package labcheck.collect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Fact;
import labcheck.evidence.GradedCache;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Unavailable;

/**
 * Finds the student's cache among everything ElastiCache listed, in the order students make
 * it: the cluster by the rubric's id (the lab's CLI steps), else a replication group of that id
 * (the console's "Easy create", whose members are {@code <id>-001}...), else a serverless cache
 * of that name, else the only Redis/Valkey cache in the region. Otherwise nothing is chosen and
 * a note lists what exists, so a misnamed cluster reads as a clear failure.
 *
 * @param clusters         the chosen clusters (the group's members for a replication group)
 * @param groups           the chosen replication group, if any
 * @param serverless       the chosen serverless cache, if any
 * @param subnetGroupNames the chosen clusters' subnet groups (null entries dropped)
 * @param securityGroupIds their security groups; null when ElastiCache did not report them
 * @param subnetIds        a serverless cache's subnets; null for node-based clusters
 * @param blocked          why nothing downstream can be collected (no cache found, or a denied call), or null
 */
record CacheDiscovery(Fact<List<CacheCluster>> clusters, Fact<List<ReplicationGroup>> groups,
                      Fact<List<ServerlessCache>> serverless, List<String> subnetGroupNames,
                      List<String> securityGroupIds, List<String> subnetIds, Unavailable blocked,
                      List<String> notes) {

    static CacheDiscovery resolve(String id, String region, Fact<List<CacheCluster>> all,
                                  Fact<List<ReplicationGroup>> allGroups, Fact<List<ServerlessCache>> allServerless) {
        List<CacheCluster> clusters = all.available() ? all.value() : List.of();
        List<ReplicationGroup> groups = allGroups.available() ? allGroups.value() : List.of();
        List<ServerlessCache> caches = allServerless.available() ? allServerless.value() : List.of();

        var byId = clusters.stream().filter(c -> id.equals(c.cacheClusterId())).findFirst();
        if (byId.isPresent()) {
            CacheCluster c = byId.get();
            return ofClusters(List.of(c), allGroups.map(gs -> gs.stream()
                    .filter(g -> g.replicationGroupId() != null && g.replicationGroupId().equals(c.replicationGroupId()))
                    .toList()), none(allServerless), List.of("Found ElastiCache cluster " + id + " by its id."));
        }
        var group = groups.stream().filter(g -> id.equals(g.replicationGroupId())).findFirst();
        if (group.isPresent()) {
            return ofGroup(group.get(), all, none(allServerless), "Found replication group " + id
                    + " (as the console's Easy create makes it) with member clusters " + members(group.get()) + ".");
        }
        var cache = caches.stream().filter(s -> id.equals(s.serverlessCacheName())).findFirst();
        if (cache.isPresent()) {
            return ofServerless(cache.get(), none(all), none(allGroups),
                    "Found serverless cache " + id + "; it has no node type.");
        }
        Unavailable missing = Stream.of(all, allGroups, allServerless).filter(f -> !f.available())
                .map(Fact::unavailable).findFirst().orElse(null);
        // a failed list (e.g. serverless) must not hide the one cache the other lists did show
        List<Object> candidates = GradedCache.candidates(clusters, groups, caches);
        if (missing != null && candidates.size() != 1) {
            Unavailable why = new Unavailable(missing.code(), missing.action(), "The cache " + id
                    + " could not be looked up, so its network could not be described: " + missing.message());
            return new CacheDiscovery(none(all), none(allGroups), none(allServerless), List.of(), null, null, why,
                    List.of("No ElastiCache cache named " + id + " among those labcheck could list in " + region
                            + "; " + missing.message()));
        }
        if (candidates.size() == 1) {
            String why = "No ElastiCache cache is named " + id + " in " + region + "; using the only Redis/Valkey"
                    + " cache " + (missing == null ? "there" : "labcheck could list ("
                    + missing.message().replaceFirst("\\.$", "") + ", so there may be others)") + ", ";
            Object only = candidates.get(0);
            if (only instanceof CacheCluster c) {
                return ofClusters(List.of(c), none(allGroups), none(allServerless), List.of(why + "cluster "
                        + c.cacheClusterId() + "."));
            }
            if (only instanceof ReplicationGroup g) {
                return ofGroup(g, all, none(allServerless), why + "replication group " + g.replicationGroupId() + ".");
            }
            ServerlessCache s = (ServerlessCache) only;
            return ofServerless(s, none(all), none(allGroups), why + "serverless cache " + s.serverlessCacheName() + ".");
        }
        String found = describe(clusters, groups, caches);
        String note = "No ElastiCache cluster, replication group or serverless cache named " + id + " in " + region
                + "; found " + found + ".";
        return new CacheDiscovery(Fact.of(List.of()), Fact.of(List.of()), Fact.of(List.of()), List.of(), null, null,
                new Unavailable("NotFound", "elasticache:DescribeCacheClusters", note
                        + " Create it with that name, or pass --cluster-id with the name you used."),
                List.of(note));
    }

    /** None of this kind was chosen: an empty list, or still unavailable when the call failed. */
    private static <T> Fact<List<T>> none(Fact<List<T>> all) {
        return all.map(x -> List.of());
    }

    private static CacheDiscovery ofClusters(List<CacheCluster> chosen, Fact<List<ReplicationGroup>> groups,
                                             Fact<List<ServerlessCache>> serverless, List<String> notes) {
        List<String> subnetGroups = chosen.stream().map(CacheCluster::cacheSubnetGroupName).filter(Objects::nonNull)
                .distinct().toList();
        List<String> sgs = null;
        if (chosen.stream().allMatch(c -> c.securityGroupIds() != null)) {
            Set<String> ids = new LinkedHashSet<>();
            chosen.forEach(c -> ids.addAll(c.securityGroupIds()));
            sgs = List.copyOf(ids);
        }
        return new CacheDiscovery(Fact.of(chosen), groups, serverless, subnetGroups, sgs, null, null, notes);
    }

    private static CacheDiscovery ofGroup(ReplicationGroup g, Fact<List<CacheCluster>> all,
                                          Fact<List<ServerlessCache>> serverless, String note) {
        if (!all.available()) {
            Unavailable up = all.unavailable();
            Unavailable why = new Unavailable(up.code(), up.action(), "The member clusters of replication group "
                    + g.replicationGroupId() + " could not be described, so their network is unknown: " + up.message());
            return new CacheDiscovery(all, Fact.of(List.of(g)), serverless, List.of(), null, null, why,
                    List.of(note));
        }
        List<String> members = g.memberClusters() == null ? List.of() : g.memberClusters();
        List<CacheCluster> chosen = all.value().stream()
                .filter(c -> members.contains(c.cacheClusterId()) || g.replicationGroupId().equals(c.replicationGroupId()))
                .toList();
        return ofClusters(chosen, Fact.of(List.of(g)), serverless, List.of(note));
    }

    private static CacheDiscovery ofServerless(ServerlessCache s, Fact<List<CacheCluster>> clusters,
                                               Fact<List<ReplicationGroup>> groups, String note) {
        return new CacheDiscovery(clusters, groups, Fact.of(List.of(s)), List.of(),
                s.securityGroupIds(), s.subnetIds(), null, List.of(note));
    }

    private static String members(ReplicationGroup g) {
        return g.memberClusters() == null ? "(not reported)" : String.join(", ", g.memberClusters());
    }

    private static String describe(List<CacheCluster> clusters, List<ReplicationGroup> groups,
                                   List<ServerlessCache> caches) {
        List<String> parts = new ArrayList<>();
        clusters.forEach(c -> parts.add("cluster " + c.cacheClusterId() + " (" + c.engine() + ")"));
        groups.forEach(g -> parts.add("replication group " + g.replicationGroupId()));
        caches.forEach(s -> parts.add("serverless cache " + s.serverlessCacheName() + " (" + s.engine() + ")"));
        return parts.isEmpty() ? "no ElastiCache caches at all" : String.join(", ", parts);
    }
}
