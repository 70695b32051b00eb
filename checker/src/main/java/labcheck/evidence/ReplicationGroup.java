package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * ElastiCache DescribeReplicationGroups, one group. The console's "Easy create" makes one,
 * whose member clusters are named {@code <id>-001}, {@code <id>-002}, ...
 *
 * @param replicationGroupCreateTime when the group was created, an ISO-8601 instant
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicationGroup(
        String replicationGroupId,
        String status,
        List<String> memberClusters,
        String cacheNodeType,
        Endpoint primaryEndpoint,
        Endpoint configurationEndpoint,
        Boolean clusterEnabled,
        String engine,
        String replicationGroupCreateTime) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static ReplicationGroupBuilder builder() {
        return ReplicationGroupBuilder.builder();
    }

    /** A builder holding this ReplicationGroup's fields, to change some and build a new one. */
    public ReplicationGroupBuilder toBuilder() {
        return ReplicationGroupBuilder.builder(this);
    }
}
