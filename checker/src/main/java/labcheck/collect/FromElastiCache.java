package labcheck.collect;

import java.util.List;
import java.util.function.Function;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Endpoint;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;

/**
 * ElastiCache's answers as evidence records. A list the service left out stays null (the SDK
 * would hand back an empty list; {@code hasX()} tells the two apart), so "unknown" never reads as "none".
 */
final class FromElastiCache {

    private FromElastiCache() {
    }

    static CacheCluster cluster(software.amazon.awssdk.services.elasticache.model.CacheCluster c) {
        return CacheCluster.builder().cacheClusterId(c.cacheClusterId()).cacheClusterStatus(c.cacheClusterStatus())
                .engine(c.engine()).engineVersion(c.engineVersion())
                .cacheNodeType(c.cacheNodeType()).numCacheNodes(c.numCacheNodes())
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.hasSecurityGroups() ? map(c.securityGroups(),
                        SecurityGroupMembership::securityGroupId) : null)
                .cacheNodes(c.hasCacheNodes() ? map(c.cacheNodes(),
                        n -> new CacheCluster.CacheNode(n.cacheNodeId(), n.cacheNodeStatus(),
                        endpoint(n.endpoint()), n.customerAvailabilityZone())) : null)
                .replicationGroupId(c.replicationGroupId())
                .preferredAvailabilityZone(c.preferredAvailabilityZone())
                .transitEncryptionEnabled(c.transitEncryptionEnabled())
                .authTokenEnabled(c.authTokenEnabled()).cacheClusterCreateTime(instant(c.cacheClusterCreateTime()))
                .build();
    }

    static ReplicationGroup replicationGroup(software.amazon.awssdk.services.elasticache.model.ReplicationGroup g) {
        Endpoint primary = g.hasNodeGroups() && !g.nodeGroups().isEmpty()
                ? endpoint(g.nodeGroups().stream().map(NodeGroup::primaryEndpoint)
                        .filter(e -> e != null).findFirst().orElse(null))
                : null;
        return ReplicationGroup.builder().replicationGroupId(g.replicationGroupId()).status(g.status())
                .memberClusters(g.hasMemberClusters() ? List.copyOf(g.memberClusters()) : null)
                .cacheNodeType(g.cacheNodeType()).primaryEndpoint(primary)
                .configurationEndpoint(endpoint(g.configurationEndpoint()))
                .clusterEnabled(g.clusterEnabled()).engine(g.engine())
                .replicationGroupCreateTime(instant(g.replicationGroupCreateTime())).build();
    }

    static ServerlessCache serverless(software.amazon.awssdk.services.elasticache.model.ServerlessCache s) {
        return ServerlessCache.builder().serverlessCacheName(s.serverlessCacheName()).status(s.status())
                .engine(s.engine()).majorEngineVersion(s.majorEngineVersion())
                .subnetIds(s.hasSubnetIds() ? List.copyOf(s.subnetIds()) : null)
                .securityGroupIds(s.hasSecurityGroupIds() ? List.copyOf(s.securityGroupIds()) : null)
                .endpoint(endpoint(s.endpoint())).createTime(instant(s.createTime())).build();
    }

    static CacheSubnetGroup subnetGroup(software.amazon.awssdk.services.elasticache.model.CacheSubnetGroup g) {
        return new CacheSubnetGroup(g.cacheSubnetGroupName(), g.vpcId(),
                g.hasSubnets() ? map(g.subnets(), s -> s.subnetIdentifier()) : null);
    }

    static Endpoint endpoint(software.amazon.awssdk.services.elasticache.model.Endpoint e) {
        return e == null ? null : new Endpoint(e.address(), e.port());
    }

    /** A creation time as evidence keeps it: an ISO-8601 instant, or null when the service left it out. */
    static String instant(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list.stream().map(f).toList();
    }
}
