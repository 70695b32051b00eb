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
}
