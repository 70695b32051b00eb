package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import labapp.EmbeddedLab;
import labcheck.collect.FakeAws;
import labcheck.collect.Lab;
import labcheck.collect.Labs;
import labcheck.collect.MotoServer;
import labcheck.collect.ReadOnlyGuard;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Endpoint;
import labcheck.evidence.RdsInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code labcheck doctor} against the reference app on embedded Redis and MariaDB; AWS as moto with IAM
 * enforced (a role from onboard's template) or as the AWS-shaped fake whose endpoints name the embedded servers.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class DoctorCommandTest {

    private static EmbeddedLab lab;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    private int doctor(Map<String, String> env, String... args) {
        return doctor(DoctorCommand.TOTAL, env, args);
    }

    private int doctor(java.time.Duration total, Map<String, String> env, String... args) {
        DoctorCommand command = new DoctorCommand();
        command.env = env;
        command.total = total;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static Map<String, String> offEc2(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT",
                "http://127.0.0.1:" + labcheck.collect.FreePort.find()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void anImpossiblePortInAppOrRedisExitsTwoNamingTheFlagBeforeCheckingAnything() {
        int app = doctor(offEc2(), "--app", "http://127.0.0.1:0");
        String appSaid = err.toString();
        err.getBuffer().setLength(0);
        int redis = doctor(offEc2(), "--app", lab.cacheUrl(), "--redis", "127.0.0.1:99999");

        assertThat(app).as(out + "\n" + appSaid).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(appSaid).contains("the app URL (--app) 'http://127.0.0.1:0' names port 0");
        assertThat(redis).as(out + "\n" + err).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("the Redis endpoint '127.0.0.1:99999' names port 99999");
        // nothing was checked: no OK or FAIL line
        assertThat(out.toString()).doesNotContain("OK ").doesNotContain("FAIL");
    }

    @Test
    void everyPrerequisiteOfTheReferenceAppHoldsAndExitsZero() {
        int code = doctor(offEc2("LAB_DB_PASSWORD", lab.dbPassword()), "--app", lab.cacheUrl(),
                "--baseline", lab.baselineUrl(), "--redis", lab.redisHost() + ":" + lab.redisPort(),
                "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD");

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.ALL_MARKS);
        assertThat(out.toString()).contains("is listening (the cache app)").contains("answered 200")
                .contains("is listening (the no-cache app)").contains("Redis at").contains("accepted the login")
                .contains("LAB_DB_PASSWORD is set").contains("prerequisites checked hold").doesNotContain("FAIL")
                .doesNotContain(lab.dbPassword());
        // AND without AWS access one line says AWS was not checked and what would check it, not a FAIL per action
        assertThat(out.toString()).containsOnlyOnce("SKIP  AWS was not checked").contains("add --region REGION")
                .doesNotContain("ec2:Describe");
    }

    @Test
    void aCacheAppThatIsNotListeningIsNamedWithItsPortAndTheFixAndExitsThree() throws Exception {
        // GIVEN nothing listens where the cache app should (a port taken and released)
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int code = doctor(offEc2(), "--app", "http://localhost:" + port, "--baseline", lab.baselineUrl());

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  localhost:" + port + " is not listening")
                .contains("Fix: start the cache app on port " + port)
                .contains("is listening (the no-cache app)");
    }

    @Test
    void aPasswordVariableThatIsNotSetIsAFailingLineWithTheCommandToSetIt() {
        int code = doctor(offEc2(), "--app", lab.cacheUrl(), "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser());

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  DB_PASSWORD is not set").contains("read -rs DB_PASSWORD");
    }

    @Test
    void aWrongDatabasePasswordIsAFailingLogin() {
        int code = doctor(offEc2("LAB_DB_PASSWORD", "not-the-password"), "--app", lab.cacheUrl(),
                "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD");

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  The database").doesNotContain("not-the-password");
    }

    @Test
    void aRoleLackingOneActionIsOneFailingLineNamingItAndTheStatementAndAFullRoleExitsZero() throws Exception {
        FakeAws.useFakeCredentials();
        try (MotoServer moto = MotoServer.startOrSkip()) {
            // GIVEN two roles deployed from onboard's template, the second lacking ec2:DescribeRouteTables
            GradingRolesInMoto.TwoRoles roles = new GradingRolesInMoto(moto.url())
                    .deployTwoRoles("ec2:DescribeRouteTables");
            Map<String, String> env = offEc2("LAB_DB_PASSWORD", lab.dbPassword());
            String[] apps = {"--app", lab.cacheUrl(), "--baseline", lab.baselineUrl(), "--redis",
                lab.redisHost() + ":" + lab.redisPort(), "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(),
                "--db-password-env", "LAB_DB_PASSWORD", "--region", "us-east-1", "--endpoint-url", moto.url()};

            GradingRolesInMoto.asJudge(roles.judge(), () -> {
                // WHEN doctor runs as the partial role (moto checking IAM on a loaded machine is slow: a wider bound)
                int code = doctor(java.time.Duration.ofSeconds(60), env, concat(apps, "--role-arn", roles.partialArn(),
                        "--external-id", "ws-partial"));

                // THEN exactly that action fails, with the statement to add, and the exit code is 3
                assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
                List<String> failing = out.toString().lines().filter(l -> l.startsWith("FAIL")).toList();
                assertThat(failing).as(out.toString()).hasSize(1);
                assertThat(failing.get(0)).contains("is not allowed ec2:DescribeRouteTables (AccessDenied)")
                        .contains("Fix: add to the role's policy the statement {\"Effect\": \"Allow\", \"Action\":"
                                + " \"ec2:DescribeRouteTables\", \"Resource\": \"*\"}").contains("`labcheck policy`");
                assertThat(out.toString()).contains("OK    AWS access: labcheck runs as arn:aws:sts::123456789012:"
                        + "assumed-role/labcheck-partial/").contains("OK    ec2:DescribeSecurityGroups is allowed.")
                        .contains("OK    rds:DescribeDBInstances is allowed.").doesNotContain(lab.dbPassword());

                // WHEN doctor runs as the full role, THEN every line holds: exit 0
                out.getBuffer().setLength(0);
                assertThat(doctor(java.time.Duration.ofSeconds(60), env, concat(apps, "--role-arn", roles.fullArn(),
                        "--external-id", "ws-good"))).as(out.toString()).isEqualTo(ExitCodes.ALL_MARKS);
                assertThat(out.toString()).doesNotContain("FAIL").contains("OK    ec2:DescribeRouteTables is allowed.")
                        .contains("prerequisites checked hold");
            });
        }
    }

    @Test
    void endpointsFoundInAwsAreResolvedConnectedAndLoggedIntoEachOnItsOwnLine() {
        // GIVEN an account whose cluster and RDS instance name the embedded Redis and MariaDB
        try (FakeAws aws = FakeAws.start(lab(lab.redisHost(), lab.redisPort()))) {
            // WHEN doctor runs with AWS access and neither --redis nor --db-url
            int code = doctor(offEc2("LAB_DB_PASSWORD", lab.dbPassword()), "--app", lab.cacheUrl(), "--baseline",
                    lab.baselineUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD", "--region",
                    "us-east-1", "--endpoint-url", aws.url());

            // THEN each endpoint is named from AWS, resolved, connected and logged into, and nothing fails
            assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.ALL_MARKS);
            assertThat(out.toString()).contains("OK    ElastiCache names the lab's Redis endpoint " + lab.redisHost()
                    + ":" + lab.redisPort()).contains("OK    RDS names the lab's database endpoint jdbc:mysql://")
                    .contains("OK    The Redis endpoint " + lab.redisHost() + ":" + lab.redisPort() + ": its name resolves")
                    .contains("OK    The Redis endpoint " + lab.redisHost() + ":" + lab.redisPort()
                            + " accepted a TCP connection").contains("answered PING")
                    .contains("accepted the login").contains("OK    AWS access: labcheck runs as")
                    .doesNotContain(lab.dbPassword());
        }
    }

    @Test
    void aRedisEndpointWhoseNameDoesNotResolveIsNamedWithTheFixAndNoConnectIsTried() {
        // GIVEN AWS naming a cluster endpoint that resolves nowhere (.invalid is reserved for that)
        try (FakeAws aws = FakeAws.start(lab("product-cache-cluster.no-such.invalid", 6379))) {
            int code = doctor(offEc2("LAB_DB_PASSWORD", lab.dbPassword()), "--app", lab.cacheUrl(), "--baseline",
                    lab.baselineUrl(), "--db-user",
                    lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD", "--region", "us-east-1", "--endpoint-url",
                    aws.url());

            assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
            List<String> failing = out.toString().lines().filter(l -> l.startsWith("FAIL")).toList();
            assertThat(failing).as(out.toString()).hasSize(1);
            assertThat(failing.get(0)).contains("The Redis endpoint product-cache-cluster.no-such.invalid:6379: its name"
                    + " product-cache-cluster.no-such.invalid d").contains("resolve from this machine")
                    .contains("Fix: ").contains("Primary endpoint");
            assertThat(out.toString()).doesNotContain("accepted a TCP connection on port 6379")
                    .contains("accepted the login");
        }
    }

    /** The good lab, its cluster's node at {@code host:port} and its RDS instance at the embedded MariaDB. */
    private static Lab lab(String host, int port) {
        Lab good = Labs.good();
        CacheCluster cluster = good.clusters().get(0).toBuilder().cacheNodes(List.of(new CacheCluster.CacheNode(
                "0001", "available", new Endpoint(host, port), "us-east-1a"))).build();
        java.net.URI db = java.net.URI.create(lab.jdbcUrl().substring("jdbc:".length()));
        RdsInstance rds = good.dbs().get(0).toBuilder().endpoint(new Endpoint(db.getHost(), db.getPort())).build();
        return new Lab(List.of(cluster), good.groups(), good.serverless(), good.subnetGroups(), good.subnets(),
                good.routeTables(), good.securityGroups(), good.instances(), List.of(rds), good.alarms());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
