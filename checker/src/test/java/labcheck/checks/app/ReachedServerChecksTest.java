package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import labcheck.checks.LabEvidence;
import labcheck.engine.CheckRun;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.ReachedServers;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class ReachedServerChecksTest {

    private static final String REDIS = "redis_server_matches_elasticache";
    private static final String DB = "mysql_server_matches_rds";
    private static final String NODE = LabEvidence.CLUSTER + ".abc123.0001.use1.cache.amazonaws.com:6379";
    private static final String RDS = "jdbc:mysql://product-db.abc.us-east-1.rds.amazonaws.com:3306/ecommerce";

    private final LabEvidence lab = LabEvidence.correct();   // ElastiCache redis 7.0.7, RDS mysql 8.0.39

    private Evidence reached(ReachedServers.RedisServer redis, ReachedServers.DatabaseServer db) {
        return lab.build().withApp(Fact.of(new AppEvidenceFixture().build().toBuilder()
                .servers(Fact.of(new ReachedServers(redis, db))).build()));
    }

    private static ReachedServers.RedisServer redis(String endpoint, String version) {
        return new ReachedServers.RedisServer(endpoint, version, null, "Amazon ElastiCache");
    }

    private static ReachedServers.DatabaseServer db(String hostname, String version) {
        return new ReachedServers.DatabaseServer(RDS, hostname, version);
    }

    @Test
    void theRedisAtTheNodesEndpointReportingTheClustersVersionPasses() {
        CheckRun r = run(REDIS, reached(redis(NODE, "7.0.15"), null));

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).isEqualTo("The Redis read at " + NODE + " reports Redis 7.0.15, the version"
                + " ElastiCache cluster product-cache-cluster runs (7.0.7).");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aRedisOfAnotherVersionAtTheEndpointFailsWithTheFindingAndTheFix() {
        CheckRun r = run(REDIS, reached(redis(NODE, "6.2.14"), null));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("reached_server_mismatch");
        assertThat(r.message()).contains("reports Redis 6.2.14, but ElastiCache cluster product-cache-cluster runs"
                + " redis 7.0.7").contains("student's instance").contains("Fix: check on the instance");
        assertThat(r.details()).contains("redis_version 6.2.14").contains("os Amazon ElastiCache");
    }

    @Test
    void aRedisReadElsewhereThanTheCachesEndpointIsNotComparedAndSaysHow() {
        CheckRun r = run(REDIS, reached(redis("127.0.0.1:6380", "6.2.14"), null));

        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("127.0.0.1:6380 is not an endpoint ElastiCache reports").contains(NODE);
    }

    @Test
    void aServerlessCacheIsComparedOnItsMajorVersion() {
        lab.clusters.clear();
        lab.serverless.add(labcheck.evidence.ServerlessCache.builder().serverlessCacheName(LabEvidence.CLUSTER)
                .status("available").engine("valkey").majorEngineVersion("8")
                .endpoint(new labcheck.evidence.Endpoint("serverless.abc.cache.amazonaws.com", 6379)).build());

        CheckRun valkey8 = run(REDIS, reached(new ReachedServers.RedisServer("serverless.abc.cache.amazonaws.com:6379",
                "7.2.4", "8.0.1", null), null));
        CheckRun redis7 = run(REDIS, reached(redis("serverless.abc.cache.amazonaws.com:6379", "7.2.4"), null));

        assertThat(valkey8.outcome()).as(valkey8.message()).isEqualTo(Outcome.PASSED);
        assertThat(redis7.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void nothingReadOrNoAwsEvidenceIsUnverifiable() {
        assertThat(run(REDIS, reached(null, db("ip-10-0-2-7", "8.0.39"))).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run(DB, reached(redis(NODE, "7.0.15"), null)).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        lab.denied = "dbInstances";
        assertThat(run(DB, reached(null, db("ip-10-0-2-7", "8.0.39"))).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        // a bundle from before the servers were read
        assertThat(run(DB, new AppEvidenceFixture().evidence()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void theDatabaseAtTheRdsEndpointReportingItsEngineAndVersionPasses() {
        CheckRun r = run(DB, reached(null, db("ip-172-23-4-5", "8.0.39")));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).contains("@@version 8.0.39").contains("as RDS instance product-db reports");
    }

    @Test
    void aMariaDbAnsweringForRdsMysqlFailsWithTheFinding() {
        CheckRun r = run(DB, reached(null, db("ip-172-23-4-5", "10.11.6-MariaDB-0+deb12u1")));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("reached_server_mismatch");
        assertThat(r.message()).contains("RDS instance product-db runs mysql 8.0.39");
    }

    @Test
    void aDatabaseRunningOnTheAppInstanceItselfFailsNamingTheInstance() {
        // the app instance's private address is 10.0.1.10: its default host name is ip-10-0-1-10
        CheckRun r = run(DB, reached(null, db("ip-10-0-1-10", "8.0.39")));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("reached_server_mismatch");
        assertThat(r.message()).contains("the name of EC2 instance i-0app").contains("runs on that instance");
    }

    @Test
    void versionsAgreeInAsManyPartsAsAwsGivesUpToTwo() {
        assertThat(ReachedServerChecks.sameVersion("7.0.7", "7.0.15")).isTrue();
        assertThat(ReachedServerChecks.sameVersion("7", "7.1.0")).isTrue();
        assertThat(ReachedServerChecks.sameVersion("8.0.35", "8.0.35-log")).isTrue();
        assertThat(ReachedServerChecks.sameVersion("7.1", "7.0.15")).isFalse();
        assertThat(ReachedServerChecks.sameVersion("8.0.35", "10.11.6-MariaDB")).isFalse();
        assertThat(ReachedServerChecks.sameVersion("7.0.7", "")).isFalse();
    }
}
