package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Fact;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Unavailable;
import org.junit.jupiter.api.Test;

class CacheDiscoveryTest {

    private static final String ID = "product-cache-cluster";

    private static CacheCluster cluster(String id, String engine, String group) {
        return CacheCluster.builder().cacheClusterId(id).cacheClusterStatus("available").engine(engine)
                .cacheNodeType("cache.t2.micro").numCacheNodes(1)
                .cacheSubnetGroupName("redis-subnet-group").securityGroupIds(List.of("sg-1"))
                .replicationGroupId(group).build();
    }

    @Test
    void clusterByIdKeepsADeniedReplicationGroupCallUnavailable() {
        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1", Fact.of(List.of(cluster(ID, "redis", null))),
                Fact.unavailable(Unavailable.accessDenied("elasticache:DescribeReplicationGroups")), Fact.of(List.of()));

        assertThat(d.clusters().value()).extracting(CacheCluster::cacheClusterId).containsExactly(ID);
        assertThat(d.groups().unavailable().action()).isEqualTo("elasticache:DescribeReplicationGroups");
        assertThat(d.subnetGroupNames()).containsExactly("redis-subnet-group");
        assertThat(d.securityGroupIds()).containsExactly("sg-1");
        assertThat(d.blocked()).isNull();
    }

    @Test
    void deniedClusterListBlocksTheNetworkWithThatAction() {
        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1",
                Fact.unavailable(Unavailable.accessDenied("elasticache:DescribeCacheClusters")),
                Fact.of(List.of()), Fact.of(List.of()));

        assertThat(d.blocked().action()).isEqualTo("elasticache:DescribeCacheClusters");
        assertThat(d.blocked().message()).contains("grant elasticache:DescribeCacheClusters");
        assertThat(d.clusters().available()).isFalse();
    }

    @Test
    void replicationGroupWhoseMembersCannotBeDescribedIsFoundButItsNetworkIsBlocked() {
        ReplicationGroup g = ReplicationGroup.builder().replicationGroupId(ID).status("available")
                .memberClusters(List.of(ID + "-001")).clusterEnabled(false).engine("redis").build();
        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1",
                Fact.unavailable(Unavailable.accessDenied("elasticache:DescribeCacheClusters")),
                Fact.of(List.of(g)), Fact.of(List.of()));

        assertThat(d.groups().value()).containsExactly(g);
        assertThat(d.blocked().message()).startsWith("The member clusters of replication group " + ID);
    }

    @Test
    void memcachedIsNeverTakenForTheOnlyRedisCluster() {
        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1", Fact.of(List.of(cluster("sessions", "memcached", null))),
                Fact.of(List.of()), Fact.of(List.<ServerlessCache>of()));

        assertThat(d.clusters().value()).isEmpty();
        assertThat(d.blocked().code()).isEqualTo("NotFound");
        assertThat(d.notes()).containsExactly("No ElastiCache cluster, replication group or serverless cache named "
                + ID + " in us-east-1; found cluster sessions (memcached).");
    }

    @Test
    void emptyRegionSaysSo() {
        CacheDiscovery d = CacheDiscovery.resolve(ID, "eu-west-1", Fact.of(List.of()), Fact.of(List.of()),
                Fact.of(List.of()));

        assertThat(d.notes()).containsExactly("No ElastiCache cluster, replication group or serverless cache named "
                + ID + " in eu-west-1; found no ElastiCache caches at all.");
    }

    @Test
    void membersOfTheOnlyReplicationGroupCountAsOneCache() {
        ReplicationGroup g = ReplicationGroup.builder().replicationGroupId("my-rg").status("available")
                .memberClusters(List.of("my-rg-001", "my-rg-002")).clusterEnabled(false)
                .engine("redis").build();
        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1",
                Fact.of(List.of(cluster("my-rg-001", "redis", "my-rg"), cluster("my-rg-002", "redis", "my-rg"))),
                Fact.of(List.of(g)), Fact.of(List.of()));

        assertThat(d.clusters().value()).extracting(CacheCluster::cacheClusterId)
                .containsExactly("my-rg-001", "my-rg-002");
        assertThat(d.notes()).singleElement().asString().endsWith("using the only Redis/Valkey cache there,"
                + " replication group my-rg.");
    }

    @Test
    void aClusterUnderAnotherNameStillAppearsWhenTheServerlessListFails() {
        Fact<List<ServerlessCache>> denied = Fact.unavailable(Unavailable.accessDenied(
                "elasticache:DescribeServerlessCaches"));

        CacheDiscovery d = CacheDiscovery.resolve(ID, "us-east-1", Fact.of(List.of(cluster("my-redis", "redis", null))),
                Fact.of(List.of()), denied);

        assertThat(d.clusters().value()).extracting(CacheCluster::cacheClusterId).containsExactly("my-redis");
        assertThat(d.serverless().available()).as("the failed call stays reported").isFalse();
        assertThat(d.notes()).singleElement().asString().contains("using the only Redis/Valkey cache labcheck could"
                + " list (AccessDenied on elasticache:DescribeServerlessCaches", "so there may be others), cluster"
                + " my-redis.");
    }
}
