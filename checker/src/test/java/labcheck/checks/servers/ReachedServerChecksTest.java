package labcheck.checks.servers;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.ReachedServers;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class ReachedServerChecksTest {

    private static final String REDIS = "elasticache_endpoint_reached_is_the_cluster";
    private static final String DB = "rds_endpoint_reached_is_the_instance";
    private static final String NODE = LabEvidence.CLUSTER + ".abc123.0001.use1.cache.amazonaws.com:6379";
    private static final String RDS = "jdbc:mysql://product-db.abc.us-east-1.rds.amazonaws.com:3306/ecommerce";

    private final LabEvidence lab = LabEvidence.correct();   // ElastiCache redis 7.0.7, RDS mysql 8.0.39

    private Evidence reached(ReachedServers.RedisServer redis, ReachedServers.DatabaseServer db) {
        return lab.build().withApp(Fact.of(AppEvidence.builder().appUrl("http://localhost:5001")
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
    void aRedisReadElsewhereThanTheCachesEndpointIsNotComparedAndSaysSo() {
        CheckRun r = run(REDIS, reached(redis("127.0.0.1:6380", "6.2.14"), null));

        // nothing at an AWS endpoint, so nothing contradicts AWS: a Redis at the judge's --redis is the judge's choice
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.message()).isEqualTo("The Redis read at 127.0.0.1:6380 is not compared with ElastiCache cluster"
                + " product-cache-cluster: it is not an endpoint ElastiCache reports for it (" + NODE + ").");
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
    void nothingReadLeavesNothingToContradictAndNoAwsEvidenceNothingToCompareWith() {
        assertThat(run(REDIS, reached(null, db("ip-10-0-2-7", "8.0.39"))).message())
                .isEqualTo("No Redis was read, so none is compared with ElastiCache.");
        assertThat(run(DB, reached(redis(NODE, "7.0.15"), null)).message())
                .isEqualTo("No database was read, so none is compared with RDS.");
        // a bundle from before the servers were read, and no app probe at all
        assertThat(run(DB, lab.build().withApp(Fact.of(AppEvidence.builder().appUrl("http://a:5001").build())))
                .outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run(REDIS, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
        // without the AWS side there is nothing to compare with: unverifiable, as every AWS item
        lab.denied = "dbInstances";
        CheckRun denied = run(DB, reached(null, db("ip-10-0-2-7", "10.11.6-MariaDB")));
        assertThat(denied.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(denied.message()).contains("rds:DescribeDBInstances");
        CheckRun noAws = run(REDIS, CheckHarness.evidence(Fact.of(AppEvidence.builder().appUrl("http://a:5001")
                .servers(Fact.of(new ReachedServers(redis(NODE, "6.2.14"), null))).build())));
        assertThat(noAws.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(noAws.message()).contains("--region");
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
