package labcheck.checks.support;

import java.util.List;

/**
 * The student's cache, whichever way it was made: a cluster ({@code create-cache-cluster}),
 * a replication group (the console's "Easy create", members {@code <id>-001...}) or a
 * serverless cache. Other checks read this instead of the three evidence shapes.
 *
 * @param nodeType   null for a serverless cache, which has no node type
 * @param nodeCount  null for a serverless cache, which has no nodes to count
 * @param subnetIds  the subnets of a serverless cache; empty for the others (see subnetGroupName)
 * @param memberIds  a replication group's member clusters; empty otherwise
 */
public record CacheTarget(
        Kind kind,
        String id,
        String status,
        String engine,
        String engineVersion,
        String nodeType,
        Integer nodeCount,
        String subnetGroupName,
        List<String> subnetIds,
        List<String> securityGroupIds,
        List<String> memberIds) {

    /** How the cache was made. */
    public enum Kind { CLUSTER, REPLICATION_GROUP, SERVERLESS }

    public CacheTarget {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** "ElastiCache cluster x", "ElastiCache replication group x" or "ElastiCache Serverless cache x". */
    public String describe() {
        return switch (kind) {
            case CLUSTER -> "ElastiCache cluster " + id;
            case REPLICATION_GROUP -> "ElastiCache replication group " + id;
            case SERVERLESS -> "ElastiCache Serverless cache " + id;
        };
    }

    /** The major engine version, e.g. 7 for "7.0.7", or null when unknown or unreadable. */
    public Integer majorVersion() {
        if (engineVersion == null || engineVersion.isBlank()) {
            return null;
        }
        String major = engineVersion.strip().split("\\.")[0];
        try {
            return Integer.valueOf(major);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
