package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * ElastiCache DescribeCacheClusters (ShowCacheNodeInfo=true), one cluster.
 * A null field means the service left it out (unknown), never "empty".
 */
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
        Boolean authTokenEnabled) {

    /** One node of a cluster, with its endpoint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CacheNode(String cacheNodeId, String cacheNodeStatus, Endpoint endpoint,
                            String customerAvailabilityZone) {
    }

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this CacheCluster's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cacheClusterId = cacheClusterId;
        b.cacheClusterStatus = cacheClusterStatus;
        b.engine = engine;
        b.engineVersion = engineVersion;
        b.cacheNodeType = cacheNodeType;
        b.numCacheNodes = numCacheNodes;
        b.cacheSubnetGroupName = cacheSubnetGroupName;
        b.securityGroupIds = securityGroupIds;
        b.cacheNodes = cacheNodes;
        b.replicationGroupId = replicationGroupId;
        b.preferredAvailabilityZone = preferredAvailabilityZone;
        b.transitEncryptionEnabled = transitEncryptionEnabled;
        b.authTokenEnabled = authTokenEnabled;
        return b;
    }

    /** Builds a {@link CacheCluster} by field name; a field left unset stays null. */
    public static final class Builder {
        private String cacheClusterId;
        private String cacheClusterStatus;
        private String engine;
        private String engineVersion;
        private String cacheNodeType;
        private Integer numCacheNodes;
        private String cacheSubnetGroupName;
        private List<String> securityGroupIds;
        private List<CacheNode> cacheNodes;
        private String replicationGroupId;
        private String preferredAvailabilityZone;
        private Boolean transitEncryptionEnabled;
        private Boolean authTokenEnabled;

        private Builder() {
        }

        public Builder cacheClusterId(String cacheClusterId) {
            this.cacheClusterId = cacheClusterId;
            return this;
        }

        public Builder cacheClusterStatus(String cacheClusterStatus) {
            this.cacheClusterStatus = cacheClusterStatus;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        public Builder cacheNodeType(String cacheNodeType) {
            this.cacheNodeType = cacheNodeType;
            return this;
        }

        public Builder numCacheNodes(Integer numCacheNodes) {
            this.numCacheNodes = numCacheNodes;
            return this;
        }

        public Builder cacheSubnetGroupName(String cacheSubnetGroupName) {
            this.cacheSubnetGroupName = cacheSubnetGroupName;
            return this;
        }

        public Builder securityGroupIds(List<String> securityGroupIds) {
            this.securityGroupIds = securityGroupIds;
            return this;
        }

        public Builder cacheNodes(List<CacheNode> cacheNodes) {
            this.cacheNodes = cacheNodes;
            return this;
        }

        public Builder replicationGroupId(String replicationGroupId) {
            this.replicationGroupId = replicationGroupId;
            return this;
        }

        public Builder preferredAvailabilityZone(String preferredAvailabilityZone) {
            this.preferredAvailabilityZone = preferredAvailabilityZone;
            return this;
        }

        public Builder transitEncryptionEnabled(Boolean transitEncryptionEnabled) {
            this.transitEncryptionEnabled = transitEncryptionEnabled;
            return this;
        }

        public Builder authTokenEnabled(Boolean authTokenEnabled) {
            this.authTokenEnabled = authTokenEnabled;
            return this;
        }

        public CacheCluster build() {
            return new CacheCluster(cacheClusterId, cacheClusterStatus, engine, engineVersion, cacheNodeType,
                    numCacheNodes, cacheSubnetGroupName, securityGroupIds, cacheNodes, replicationGroupId,
                    preferredAvailabilityZone, transitEncryptionEnabled, authTokenEnabled);
        }
    }
}
