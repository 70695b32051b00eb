package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** ElastiCache DescribeCacheSubnetGroups, one group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheSubnetGroup(String cacheSubnetGroupName, String vpcId, List<String> subnetIds) {
}
