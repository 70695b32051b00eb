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
        return new CacheCluster(c.cacheClusterId(), c.cacheClusterStatus(), c.engine(), c.engineVersion(),
                c.cacheNodeType(), c.numCacheNodes(), c.cacheSubnetGroupName(),
                c.hasSecurityGroups() ? map(c.securityGroups(), SecurityGroupMembership::securityGroupId) : null,
                c.hasCacheNodes() ? map(c.cacheNodes(), n -> new CacheCluster.CacheNode(n.cacheNodeId(),
                        n.cacheNodeStatus(), endpoint(n.endpoint()), n.customerAvailabilityZone())) : null,
                c.replicationGroupId(), c.preferredAvailabilityZone(), c.transitEncryptionEnabled(),
                c.authTokenEnabled());
    }

    static ReplicationGroup replicationGroup(software.amazon.awssdk.services.elasticache.model.ReplicationGroup g) {
        Endpoint primary = g.hasNodeGroups() && !g.nodeGroups().isEmpty()
                ? endpoint(g.nodeGroups().stream().map(NodeGroup::primaryEndpoint)
                        .filter(e -> e != null).findFirst().orElse(null))
                : null;
        return new ReplicationGroup(g.replicationGroupId(), g.status(),
                g.hasMemberClusters() ? List.copyOf(g.memberClusters()) : null, g.cacheNodeType(), primary,
                endpoint(g.configurationEndpoint()), g.clusterEnabled(), g.engine());
    }

    static ServerlessCache serverless(software.amazon.awssdk.services.elasticache.model.ServerlessCache s) {
        return new ServerlessCache(s.serverlessCacheName(), s.status(), s.engine(), s.majorEngineVersion(),
                s.hasSubnetIds() ? List.copyOf(s.subnetIds()) : null,
                s.hasSecurityGroupIds() ? List.copyOf(s.securityGroupIds()) : null, endpoint(s.endpoint()));
    }

    static CacheSubnetGroup subnetGroup(software.amazon.awssdk.services.elasticache.model.CacheSubnetGroup g) {
        return new CacheSubnetGroup(g.cacheSubnetGroupName(), g.vpcId(),
                g.hasSubnets() ? map(g.subnets(), s -> s.subnetIdentifier()) : null);
    }

    static Endpoint endpoint(software.amazon.awssdk.services.elasticache.model.Endpoint e) {
        return e == null ? null : new Endpoint(e.address(), e.port());
    }

    static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list.stream().map(f).toList();
    }
}
