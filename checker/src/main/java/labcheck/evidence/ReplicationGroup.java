package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * ElastiCache DescribeReplicationGroups, one group. The console's "Easy create" makes one,
 * whose member clusters are named {@code <id>-001}, {@code <id>-002}, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicationGroup(
        String replicationGroupId,
        String status,
        List<String> memberClusters,
        String cacheNodeType,
        Endpoint primaryEndpoint,
        Endpoint configurationEndpoint,
        Boolean clusterEnabled,
        String engine) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this ReplicationGroup's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.replicationGroupId = replicationGroupId;
        b.status = status;
        b.memberClusters = memberClusters;
        b.cacheNodeType = cacheNodeType;
        b.primaryEndpoint = primaryEndpoint;
        b.configurationEndpoint = configurationEndpoint;
        b.clusterEnabled = clusterEnabled;
        b.engine = engine;
        return b;
    }

    /** Builds a {@link ReplicationGroup} by field name; a field left unset stays null. */
    public static final class Builder {
        private String replicationGroupId;
        private String status;
        private List<String> memberClusters;
        private String cacheNodeType;
        private Endpoint primaryEndpoint;
        private Endpoint configurationEndpoint;
        private Boolean clusterEnabled;
        private String engine;

        private Builder() {
        }

        public Builder replicationGroupId(String replicationGroupId) {
            this.replicationGroupId = replicationGroupId;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder memberClusters(List<String> memberClusters) {
            this.memberClusters = memberClusters;
            return this;
        }

        public Builder cacheNodeType(String cacheNodeType) {
            this.cacheNodeType = cacheNodeType;
            return this;
        }

        public Builder primaryEndpoint(Endpoint primaryEndpoint) {
            this.primaryEndpoint = primaryEndpoint;
            return this;
        }

        public Builder configurationEndpoint(Endpoint configurationEndpoint) {
            this.configurationEndpoint = configurationEndpoint;
            return this;
        }

        public Builder clusterEnabled(Boolean clusterEnabled) {
            this.clusterEnabled = clusterEnabled;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public ReplicationGroup build() {
            return new ReplicationGroup(replicationGroupId, status, memberClusters, cacheNodeType,
                    primaryEndpoint, configurationEndpoint, clusterEnabled, engine);
        }
    }
}
