package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Evidence;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.run.Endpoints;
import org.junit.jupiter.api.Test;

/** The cache and database endpoints labcheck finds in what the collector read from (WireMock-served) AWS. */
class EndpointDiscoveryTest {

    private static Evidence collected(Lab lab) {
        try (FakeAws aws = FakeAws.start(lab)) {
            return AwsCollectorGoodLabTest.collect(aws, aws.settings().build());
        }
    }

    private static ProbeSettings bare(String dbUser) {
        ProbeSettings s = ProbeSettings.of("http://localhost:5001", null);
        return dbUser == null ? s
                : s.withDb(DbTarget.NONE.withCredentials(Credentials.of(dbUser, "pw".toCharArray())));
    }

    @Test
    void aClusterGivesItsNodeEndpointAndRdsTheEcommerceDatabase() {
        Evidence e = collected(Labs.good());
        List<String> said = new ArrayList<>();

        ProbeSettings s = Endpoints.fill(bare("admin"), e, Labs.CLUSTER, said);

        assertThat(s.redis().host()).isEqualTo("product-cache-cluster.abc123.0001.use1.cache.amazonaws.com");
        assertThat(s.redis().port()).isEqualTo(6379);
        assertThat(s.redis().tls()).isFalse();
        assertThat(s.db().jdbcUrl()).isEqualTo("jdbc:mysql://products-db.abc.us-east-1.rds.amazonaws.com:3306/ecommerce");
        assertThat(s.db().credentials().user()).isEqualTo("admin");
        assertThat(said).containsExactly(
                "Redis endpoint found in ElastiCache and used (no --redis given): "
                        + "product-cache-cluster.abc123.0001.use1.cache.amazonaws.com:6379, node 0001 of cluster "
                        + "product-cache-cluster.",
                "Database endpoint found in RDS and used (no --db-url given): "
                        + "jdbc:mysql://products-db.abc.us-east-1.rds.amazonaws.com:3306/ecommerce, instance products-db.");
    }

    @Test
    void aReplicationGroupGivesItsPrimaryEndpointWithTlsWhenInTransitEncryptionIsOn() {
        Lab rg = Labs.consoleReplicationGroup().mapCluster(c -> c.toBuilder().transitEncryptionEnabled(true).build());
        Endpoints.Cache c = Endpoints.cache(collected(rg), Labs.CLUSTER).orElseThrow();

        assertThat(c.shown()).isEqualTo("rediss://product-cache-cluster.abc123.ng.0001.use1.cache.amazonaws.com:6379");
        assertThat(c.from()).isEqualTo("the primary endpoint of replication group product-cache-cluster");
    }

    @Test
    void aClusterWithEncryptionInTransitIsReadOverTls() {
        Lab tls = Labs.good().mapCluster(c -> c.toBuilder().transitEncryptionEnabled(true).build());
        Endpoints.Cache c = Endpoints.cache(collected(tls), Labs.CLUSTER).orElseThrow();
        assertThat(c.tls()).isTrue();
        assertThat(c.from()).contains("in-transit encryption on");
    }

    @Test
    void aServerlessCacheGivesItsEndpointAlwaysOverTls() {
        Endpoints.Cache c = Endpoints.cache(collected(Labs.serverless()), Labs.CLUSTER).orElseThrow();
        assertThat(c.shown()).isEqualTo("rediss://product-cache-cluster-abc123.serverless.use1.cache.amazonaws.com:6379");
    }

    @Test
    void typedAddressesWinAndADatabaseWithoutPasswordIsNamedButNotUsed() {
        Evidence e = collected(Labs.good());
        List<String> said = new ArrayList<>();
        ProbeSettings typed = ProbeSettings.of("http://localhost:5001", null)
                .withRedis(RedisTarget.of("10.0.3.9", 6380, false));

        ProbeSettings s = Endpoints.fill(typed, e, Labs.CLUSTER, said);

        assertThat(s.redis().host()).isEqualTo("10.0.3.9");
        assertThat(s.db().given()).isFalse();
        assertThat(said).singleElement().asString().contains("Database endpoint found in RDS")
                .contains("not read").contains("export DB_PASSWORD");
    }

    @Test
    void noClusterOfThatNameGivesNoEndpoint() {
        Lab none = Labs.good().withClusters(List.of(CacheCluster.builder().cacheClusterId("someone-else")
                .cacheNodes(Labs.good().clusters().get(0).cacheNodes()).build()));
        assertThat(Endpoints.cache(collected(none), Labs.CLUSTER)).isEmpty();
    }
}
