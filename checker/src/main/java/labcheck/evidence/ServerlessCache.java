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
}
