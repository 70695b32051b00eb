package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labapp.backends.Databases;
import labcheck.collect.FakeAws;
import labcheck.collect.FreePort;
import labcheck.collect.Lab;
import labcheck.collect.Labs;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Endpoint;
import labcheck.report.Outcome;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.SecretGuard;
import labcheck.reach.Sshd;
import labcheck.report.CheckResult;
import labcheck.report.JsonReport;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code labcheck check --ssh}: the reference app on embedded Redis and MariaDB, reached through
 * Debian's real sshd on loopback, with forwards, the timing on the "instance" and its faults.
 */
class CheckThroughSshTest extends SshLabFixture {

    static final List<String> APP_ITEMS = List.of("app-connects", "lazy-loading", "ttl", "improvement", "hit-ratio");
    int check(Map<String, String> env, String... args) {
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private List<String> args(Sshd server, String... more) throws Exception {
        List<String> a = new ArrayList<>(List.of("--ssh", server.target(USER), "--ssh-key", server.rsaKey().toString(),
                "--ssh-known-hosts", server.knownHosts(dir.resolve("known_hosts")).toString(),
                "--app", lab.cacheUrl(), "--baseline", lab.baselineUrl(),
                "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD",
                "--student", "s42", "--out", dir.resolve("out").toString()));
        a.addAll(List.of(more));
        return a;
    }

    private Scoresheet sheet() throws Exception {
        return JsonReport.fromJson(Files.readString(dir.resolve("out/scoresheet.json")), "scoresheet.json");
    }

    static double appMarks(Scoresheet s) {
        return s.items().stream().filter(i -> APP_ITEMS.contains(i.id())).mapToDouble(i -> i.marks()).sum();
    }

    static CheckResult result(Scoresheet s, String id) {
        return s.items().stream().flatMap(i -> i.checks().stream()).filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private JsonNode evidence() throws Exception {
        return EvidenceBundle.mapper().readTree(dir.resolve("out/evidence.json").toFile());
    }

    @Test
    void throughSshTheReferenceAppEarnsTheFourteenAppMarksWithTheTimingTakenOnTheInstance() throws Exception {
        // GIVEN the app's source on the "instance"
        Path source = dir.resolve("app_with_cache.py");
        Files.writeString(source, "@app.route('/product/<int:id>')\ndef get(id):\n    v = redis_client.get(f'product:{id}')\n"
                + "    cursor.execute('SELECT * FROM products WHERE id=%s', (id,))\n");
        // WHEN labcheck grades through SSH, every address as the instance sees it
        int code = check(Map.of("LAB_DB_PASSWORD", lab.dbPassword()), args(sshd, "--redis",
                lab.redisHost() + ":" + lab.redisPort(), "--db-url", lab.jdbcUrl(), "--source", source.toString())
                .toArray(String[]::new));

        // THEN all 14 app-side marks are earned
        Scoresheet s = sheet();
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(appMarks(s)).as(out.toString()).isEqualTo(14.0);
        // AND item 6 was timed on the instance, and says so
        JsonNode timing = evidence().path("app").path("value").path("timing").path("value");
        assertThat(timing.path("clientAt").asText()).contains("curl over SSH");
        assertThat(result(s, "app_improvement_over_baseline").details()).contains("curl over SSH");
        // AND the evidence names the addresses as the instance sees them, never the forwards
        JsonNode app = evidence().path("app").path("value");
        assertThat(app.path("appUrl").asText()).isEqualTo(lab.cacheUrl());
        assertThat(app.path("redis").path("value").path("endpoint").asText())
                .isEqualTo(lab.redisHost() + ":" + lab.redisPort());
        assertThat(app.path("notes").toString()).contains("Reached through SSH");
        // AND the source was read over SSH
        assertThat(app.path("source").path("value").path("cacheReadLine").asInt()).isEqualTo(3);
        assertThat(err.toString()).contains("SSH to");
        noSecretsIn(dir.resolve("out"));
    }

    @Test
    void whereTheInstanceHasNoCurlTheTimingFallsBackToTheTunnelAndSaysSo() throws Exception {
        // GIVEN an instance whose PATH finds no curl
        try (Sshd nocurl = Sshd.start(keys, "127.0.0.1", null, "SetEnv PATH=/nonexistent")) {
            int code = check(Map.of("LAB_DB_PASSWORD", lab.dbPassword()), args(nocurl).toArray(String[]::new));

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            JsonNode timing = evidence().path("app").path("value").path("timing").path("value");
            assertThat(timing.path("clientAt").asText()).contains("through the tunnel").contains("no curl");
            assertThat(result(sheet(), "app_improvement_over_baseline").details()).contains("no curl");
            assertThat(timing.path("pairs").asInt()).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void anUnreachableSshdLeavesTheAppItemsUnverifiableNamingTheFlagAndTheRestIsGraded() throws Exception {
        long t0 = System.nanoTime();
        List<String> a = new ArrayList<>(List.of("--ssh", USER + "@127.0.0.1:" + FreePort.find(), "--ssh-key",
                sshd.rsaKey().toString(), "--ssh-known-hosts", dir.resolve("kh").toString(),
                "--out", dir.resolve("out").toString()));
        int code = check(Map.of(), a.toArray(String[]::new));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
        Scoresheet s = sheet();
        assertThat(appMarks(s)).isZero();
        assertThat(s.items().stream().filter(i -> APP_ITEMS.contains(i.id())).flatMap(i -> i.checks().stream()))
                .allSatisfy(c -> {
                    assertThat(c.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
                    assertThat(c.message()).contains("refused the connection").contains("--ssh");
                });
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aForwardTargetThatRefusesCostsOnlyItsOwnEvidence() throws Exception {
        // GIVEN a Redis address where nothing listens on the instance
        int closed = FreePort.find();
        int code = check(Map.of("LAB_DB_PASSWORD", lab.dbPassword()), args(sshd, "--redis", "127.0.0.1:" + closed,
                "--db-url", lab.jdbcUrl()).toArray(String[]::new));

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        Scoresheet s = sheet();
        CheckResult ttl = result(s, "redis_product_key_ttl_set");
        assertThat(ttl.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(ttl.message()).contains("could not connect to 127.0.0.1:" + closed);
        // AND the rest of the app is still graded through the tunnel
        assertThat(result(s, "app_cache_hits_skip_database").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result(s, "app_improvement_over_baseline").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aConnectionDroppingMidProbeEndsInBoundedTimeWithTheReason() throws Exception {
        try (Sshd flaky = Sshd.start(keys, "127.0.0.1", null)) {
            // the sessions are ended once the forwards are up, as the probe starts: whenever it runs, it runs dropped
            Writer dropping = new Writer() {
                private final StringBuilder seen = new StringBuilder();
                private boolean dropped;

                @Override
                public void write(char[] buf, int off, int len) {
                    err.write(buf, off, len);
                    seen.append(buf, off, len);
                    if (!dropped && seen.indexOf(" is up; forwarding ") >= 0) {
                        dropped = true;
                        flaky.dropSessions();
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            CheckCommand command = new CheckCommand();
            command.env = Map.of("LAB_DB_PASSWORD", lab.dbPassword());
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(dropping, true));
            long t0 = System.nanoTime();
            int code = cmd.execute(args(flaky, "--budget", "40").toArray(String[]::new));

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(90));
            assertThat(evidence().path("app").toString()).contains("SSH connection to " + flaky.target(USER)
                    .substring(USER.length() + 1));
            assertThat(err.toString()).doesNotContain("\tat ");
        }
    }

    @Test
    void aHungInstanceCostsTheBudgetWithTheSshSetupAndTheSourceReadInsideIt() throws Exception {
        // GIVEN an instance where everything hangs: apps that accept and never answer, a source that is a FIFO
        Path fifo = dir.resolve("app_with_cache.py");
        Sshd.run("mkfifo", fifo.toString());
        try (ServerSocket app = new ServerSocket(FreePort.find(), 50, InetAddress.getLoopbackAddress());
             ServerSocket baseline = new ServerSocket(FreePort.find(), 50, InetAddress.getLoopbackAddress())) {
            List<String> a = new ArrayList<>(List.of("--ssh", sshd.target(USER), "--ssh-key", sshd.rsaKey().toString(),
                    "--ssh-known-hosts", sshd.knownHosts(dir.resolve("known_hosts")).toString(),
                    "--app", "http://127.0.0.1:" + app.getLocalPort(),
                    "--baseline", "http://127.0.0.1:" + baseline.getLocalPort(),
                    "--source", fifo.toString(), "--budget", "10", "--out", dir.resolve("out").toString()));

            // WHEN labcheck checks it with a 10 s budget
            long t0 = System.nanoTime();
            int code = check(Map.of(), a.toArray(String[]::new));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            // THEN it ends near the budget (SSH setup and source read included), and the source was not read
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            assertThat(took).as(err.toString()).isLessThan(Duration.ofSeconds(16));
            JsonNode source = evidence().path("app").path("value").path("source");
            assertThat(source.has("unavailable")).as(source.toString()).isTrue();
            assertThat(source.toString()).contains("is not a regular file").doesNotContain("No /product route");
        }
    }

    @Test
    void withAwsCollectedTheCacheAndDatabaseEndpointsAreFoundNotTypedAndReachedThroughSsh() throws Exception {
        // GIVEN an AWS account (WireMock) whose cluster node and RDS instance are where the instance sees them
        Lab good = Labs.good();
        CacheCluster cluster = good.clusters().get(0).toBuilder().cacheNodes(List.of(new CacheCluster.CacheNode(
                "0001", "available", new Endpoint(lab.redisHost(), lab.redisPort()), "us-east-1a"))).build();
        RdsInstance db = good.dbs().get(0).toBuilder().endpoint(new Endpoint("127.0.0.1",
                Integer.parseInt(lab.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")))).build();
        Lab here = new Lab(List.of(cluster), good.groups(), good.serverless(), good.subnetGroups(), good.subnets(),
                good.routeTables(), good.securityGroups(), good.instances(), List.of(db), good.alarms());
        try (FakeAws aws = FakeAws.start(here)) {
            // WHEN labcheck checks through SSH with no --redis and no --db-url
            int code = check(Map.of("LAB_DB_PASSWORD", lab.dbPassword()), args(sshd, "--region", "us-east-1",
                    "--endpoint-url", aws.url()).toArray(String[]::new));

            // THEN it says what it found and used, and the TTL and database checks are verified with them
            assertThat(code).as(err.toString()).isIn(ExitCodes.MARKS_LOST, ExitCodes.ALL_MARKS);
            Scoresheet s = sheet();
            assertThat(s.notes()).anyMatch(n -> n.contains("Redis endpoint found in ElastiCache and used")
                    && n.contains(lab.redisHost() + ":" + lab.redisPort()));
            assertThat(s.notes()).anyMatch(n -> n.contains("Database endpoint found in RDS and used")
                    && n.endsWith("instance products-db."));
            assertThat(result(s, "redis_product_key_ttl_set").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result(s, "app_cache_hits_skip_database").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(appMarks(s)).isEqualTo(14.0);
        }
    }

    @Test
    void aProductWhoseDescriptionHoldsAForwardsAddressKeepsItByteForByteThroughSsh() throws Exception {
        // GIVEN products whose description holds the text of each forward, seeded once the forwards are up
        // (their ports are known only then) and before the probe reads a product
        Set<Integer> before = listeningPortsOfThisJvm();
        String[] seeded = new String[1];
        Exception[] seeding = new Exception[1];
        Writer watching = new Writer() {
            private final StringBuilder seen = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                err.write(buf, off, len);
                seen.append(buf, off, len);
                if (seeded[0] == null && seeding[0] == null && seen.indexOf(" is up; forwarding ") >= 0) {
                    try {
                        Set<Integer> forwards = listeningPortsOfThisJvm();
                        forwards.removeAll(before);
                        seeded[0] = forwards.stream().map(p -> "http://127.0.0.1:" + p + "/ and 127.0.0.1:" + p)
                                .collect(Collectors.joining(", ", "Ships via ", " (" + forwards.size() + " forwards). "));
                        updateDescriptions("CONCAT(?, description)", seeded[0]);
                    } catch (Exception e) {
                        seeding[0] = e;
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try {
            // WHEN labcheck grades through SSH
            CheckCommand command = new CheckCommand();
            command.env = Map.of("LAB_DB_PASSWORD", lab.dbPassword());
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(watching, true));
            int code = cmd.execute(args(sshd, "--redis", lab.redisHost() + ":" + lab.redisPort(), "--db-url",
                    lab.jdbcUrl()).toArray(String[]::new));

            // THEN every product the probe read, from the app and from Redis, keeps the text byte for byte
            assertThat(seeding[0]).isNull();
            assertThat(seeded[0]).as(err.toString()).contains("(4 forwards)");
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            JsonNode app = evidence().path("app").path("value");
            JsonNode observations = app.path("lazyLoad").path("value").path("observations");
            assertThat(observations).isNotEmpty();
            for (JsonNode o : observations) {
                for (String answer : List.of("first", "second")) {
                    JsonNode product = EvidenceBundle.mapper().readTree(o.path(answer).path("product").asText());
                    assertThat(product.path("description").asText()).as(answer).startsWith(seeded[0]);
                }
            }
            JsonNode keys = app.path("redis").path("value").path("keys");
            assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k.path("value").asText()).contains(seeded[0]));
            // AND the scoresheet shows the stored values as Redis holds them
            assertThat(result(sheet(), "redis_product_key_populated_on_miss").details()).contains(seeded[0]);
            assertThat(appMarks(sheet())).as(out.toString()).isEqualTo(14.0);
        } finally {
            if (seeded[0] != null) {
                updateDescriptions("REPLACE(description, ?, '')", seeded[0]);
            }
        }
    }

    /** Sets every product's description to {@code expression} of {@code text}, with the app's own account. */
    private static void updateDescriptions(String expression, String text) throws Exception {
        try (Connection c = Databases.connect(lab.settings());
             PreparedStatement st = c.prepareStatement("UPDATE products SET description = " + expression)) {
            st.setString(1, text);
            st.executeUpdate();
        }
    }

    /**
     * The TCP ports this JVM listens on (Linux: its socket inodes in /proc/self/fd, matched with
     * /proc/net/tcp and tcp6), so a test can learn the ports of the forwards labcheck opened.
     */
    static Set<Integer> listeningPortsOfThisJvm() throws Exception {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring("socket:[".length(), link.length() - 1));
                    }
                } catch (java.io.IOException closedMeanwhile) {
                    // a descriptor closed while listing: not a listener of interest
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");   // sl local rem st ... inode; st 0A is LISTEN
                if ("0A".equals(f[3]) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    @Test
    void aBadKeyFileIsAUsageErrorBeforeAnythingConnects() {
        assertThat(check(Map.of(), "--ssh", "ec2-user@127.0.0.1", "--ssh-key", dir.resolve("none.pem").toString(),
                "--out", dir.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--ssh-key").contains("is not a file");
    }

    static void noSecretsIn(Path out) throws Exception {
        String keyLine = Files.readAllLines(sshd.rsaKey()).get(1);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain(lab.dbPassword()).doesNotContain(keyLine);
                assertThat(SecretGuard.findSecret(text)).as(f.toString()).isNull();
            }
        }
    }
}
