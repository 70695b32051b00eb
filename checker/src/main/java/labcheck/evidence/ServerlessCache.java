package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** ElastiCache DescribeServerlessCaches, one cache. A serverless cache has no node type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerlessCache(
        String serverlessCacheName,
        String status,
        String engine,
        String majorEngineVersion,
        List<String> subnetIds,
        List<String> securityGroupIds,
        Endpoint endpoint) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this ServerlessCache's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.serverlessCacheName = serverlessCacheName;
        b.status = status;
        b.engine = engine;
        b.majorEngineVersion = majorEngineVersion;
        b.subnetIds = subnetIds;
        b.securityGroupIds = securityGroupIds;
        b.endpoint = endpoint;
        return b;
    }

    /** Builds a {@link ServerlessCache} by field name; a field left unset stays null. */
    public static final class Builder {
        private String serverlessCacheName;
        private String status;
        private String engine;
        private String majorEngineVersion;
        private List<String> subnetIds;
        private List<String> securityGroupIds;
        private Endpoint endpoint;

        private Builder() {
        }

        public Builder serverlessCacheName(String serverlessCacheName) {
            this.serverlessCacheName = serverlessCacheName;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder majorEngineVersion(String majorEngineVersion) {
            this.majorEngineVersion = majorEngineVersion;
            return this;
        }

        public Builder subnetIds(List<String> subnetIds) {
            this.subnetIds = subnetIds;
            return this;
        }

        public Builder securityGroupIds(List<String> securityGroupIds) {
            this.securityGroupIds = securityGroupIds;
            return this;
        }

        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public ServerlessCache build() {
            return new ServerlessCache(serverlessCacheName, status, engine, majorEngineVersion, subnetIds,
                    securityGroupIds, endpoint);
        }
    }
}
