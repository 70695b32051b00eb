package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * ElastiCache DescribeCacheClusters (ShowCacheNodeInfo=true), one cluster.
 * A null field means the service left it out (unknown), never "empty".
 *
 * @param cacheClusterCreateTime when the cluster was created, an ISO-8601 instant (a deadline is judged by it)
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheCluster(
        String cacheClusterId,
        String cacheClusterStatus,
        String engine,
        String engineVersion,
        String cacheNodeType,
        Integer numCacheNodes,
        String cacheSubnetGroupName,
        List<String> securityGroupIds,
        List<CacheNode> cacheNodes,
        String replicationGroupId,
        String preferredAvailabilityZone,
        Boolean transitEncryptionEnabled,
        Boolean authTokenEnabled,
        String cacheClusterCreateTime) {

    /** One node of a cluster, with its endpoint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CacheNode(String cacheNodeId, String cacheNodeStatus, Endpoint endpoint,
                            String customerAvailabilityZone) {
    }

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static CacheClusterBuilder builder() {
        return CacheClusterBuilder.builder();
    }

    /** A builder holding this CacheCluster's fields, to change some and build a new one. */
    public CacheClusterBuilder toBuilder() {
        return CacheClusterBuilder.builder(this);
    }
}
