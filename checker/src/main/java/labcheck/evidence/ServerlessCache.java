package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * ElastiCache DescribeServerlessCaches, one cache. A serverless cache has no node type.
 *
 * @param createTime when the cache was created, an ISO-8601 instant
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerlessCache(
        String serverlessCacheName,
        String status,
        String engine,
        String majorEngineVersion,
        List<String> subnetIds,
        List<String> securityGroupIds,
        Endpoint endpoint,
        String createTime) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static ServerlessCacheBuilder builder() {
        return ServerlessCacheBuilder.builder();
    }

    /** A builder holding this ServerlessCache's fields, to change some and build a new one. */
    public ServerlessCacheBuilder toBuilder() {
        return ServerlessCacheBuilder.builder(this);
    }
}
