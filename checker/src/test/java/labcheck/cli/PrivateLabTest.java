package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import labcheck.evidence.EvidenceBundle;
import labcheck.reach.Sshd;
import labcheck.report.CheckResult;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * THE private-lab test: the lab's network shape in a network namespace this test makes. Inside,
 * Redis, MariaDB and both reference apps listen only on the namespace's loopback, and sshd on
 * its veth address (a /24 in 10.213.0.0/16 picked at random); outside, labcheck grades through
 * {@code --ssh} exactly as a judge would, with every address as the instance sees it. The
 * namespace is always removed, also when the test fails. Needs root and {@code ip netns}
 * (CI has both); skipped with the reason elsewhere.
 */
class PrivateLabTest {

    private static final String NS = "lc" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    private static final int X = ThreadLocalRandom.current().nextInt(1, 255);
    private static final String INSIDE = "10.213." + X + ".1";
    private static final String OUTSIDE = "10.213." + X + ".2";
    private static final String VETH = NS + "o";
    /** The cache endpoint's name: the instance's /etc/hosts points it away, labcheck's resolver at Redis. */
    private static final String CACHE_NAME = "cache.lab.test";
    /** The database's name: labcheck's resolver points it where the instance cannot connect, the instance's right. */
    private static final String DB_NAME = "db.lab.test";
    /** The namespace's own /etc/hosts (ip netns exec mounts it over /etc/hosts): the student's instance view. */
    private static final Path NS_ETC = Path.of("/etc/netns", NS);

    @TempDir
    static Path work;

    private static Process lab;
    private static Sshd sshd;
    /** The instance's sshd as an Instance Connect AMI has it: keys only from its AuthorizedKeysCommand. */
    private static Sshd eicSshd;
    /** The fake AWS: the lab's app instance at INSIDE, and its EC2 Instance Connect. */
    private static labcheck.collect.FakeAws aws;
    private static labcheck.collect.InstanceConnectFake instanceConnect;
    private static Properties where;
    private static boolean made;
    /** Whether this test made /etc/netns itself (then it removes it too). */
    private static boolean madeNetnsEtc;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void buildThePrivateLab() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the private-lab test needs root to make a network namespace (CI runs as root)");
        Assumptions.assumeTrue(Sshd.unavailable() == null, Sshd.unavailable());
        Assumptions.assumeTrue(sh("ip", "netns", "add", NS) == 0,
                "network namespaces are unavailable here (ip netns add failed)");
        made = true;
        try {
            must("ip", "link", "add", VETH, "type", "veth", "peer", "name", NS + "i");
            must("ip", "link", "set", NS + "i", "netns", NS);
            must("ip", "addr", "add", OUTSIDE + "/24", "dev", VETH);
            must("ip", "link", "set", VETH, "up");
            must("ip", "netns", "exec", NS, "ip", "addr", "add", INSIDE + "/24", "dev", NS + "i");
            must("ip", "netns", "exec", NS, "ip", "link", "set", NS + "i", "up");
            must("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
            // the student's /etc/hosts on the instance sends the cache endpoint's name to an address of its choosing
            madeNetnsEtc = !Files.isDirectory(NS_ETC.getParent());
            Files.createDirectories(NS_ETC);
            Files.writeString(NS_ETC.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost ip6-localhost"
                    + " ip6-loopback\n127.0.0.2 " + CACHE_NAME + "\n127.0.0.1 " + DB_NAME + "\n");

            Path file = work.resolve("inside.properties");
            Path home = Files.createDirectories(work.resolve("inside"));
            String java = ProcessHandle.current().info().command().orElse("java");
            lab = new ProcessBuilder("ip", "netns", "exec", NS, java, "-cp", System.getProperty("java.class.path"),
                    PrivateLabInside.class.getName(), file.toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("inside.log").toFile()).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(file)) {
                if (!lab.isAlive() || System.nanoTime() > end) {
                    throw new IllegalStateException("the lab inside the namespace did not start: "
                            + Files.readString(work.resolve("inside.log")));
                }
                Thread.sleep(200);
            }
            where = new Properties();
            try (var in = Files.newInputStream(file)) {
                where.load(in);
            }
            Files.delete(file);
            sshd = Sshd.start(work, INSIDE, NS, "AllowTcpForwarding yes");
            sshd.awaitListening(sshd.log());
            aws = labcheck.collect.FakeAws.start(labcheck.collect.Labs.appInstanceAt(INSIDE));
            instanceConnect = aws.instanceConnect(work.resolve("pushed-keys"));
            List<String> eic = new ArrayList<>(List.of(instanceConnect.sshdConfig()));
            eic.add("AllowTcpForwarding yes");
            eicSshd = Sshd.start(work, INSIDE, NS, 2223, eic.toArray(String[]::new));
            eicSshd.awaitListening(eicSshd.log());
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (lab != null) {
                lab.descendants().forEach(ProcessHandle::destroy);
                lab.destroy();
                if (!lab.waitFor(20, TimeUnit.SECONDS)) {
                    lab.descendants().forEach(ProcessHandle::destroyForcibly);
                    lab.destroyForcibly();
                }
                lab = null;
            }
            if (sshd != null) {
                sshd.close();
                sshd = null;
            }
            if (eicSshd != null) {
                eicSshd.close();
                eicSshd = null;
            }
            if (aws != null) {
                aws.close();
                aws = null;
            }
        } finally {
            if (made) {
                sh("ip", "netns", "del", NS);
                sh("ip", "link", "del", VETH);
                Files.deleteIfExists(NS_ETC.resolve("hosts"));
                Files.deleteIfExists(NS_ETC);
                if (madeNetnsEtc) {
                    try {
                        Files.deleteIfExists(NS_ETC.getParent());
                    } catch (java.nio.file.DirectoryNotEmptyException othersUseIt) {
                        // another namespace's files arrived meanwhile: theirs to remove
                    }
                }
                made = false;
            }
        }
    }

    private int check(Map<String, String> env, List<String> args) {
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args.toArray(String[]::new));
    }

    @Test
    void fromOutsideThroughSshTheHonestAppEarnsEveryAppSideMarkWithItem6MeasuredOnTheInstance() throws Exception {
        Path outDir = work.resolve("through-ssh");
        int code = check(Map.of("DB_PASSWORD", where.getProperty("dbPassword")), List.of(
                "--ssh", "root@" + INSIDE + ":" + sshd.port(), "--ssh-key", sshd.rsaKey().toString(),
                "--ssh-known-hosts", sshd.knownHosts(work.resolve("known_hosts")).toString(),
                "--app", "http://localhost:5001", "--baseline", "http://localhost:5000",
                "--redis", "localhost:" + where.getProperty("redisPort"),
                "--db-url", "jdbc:mysql://localhost:" + where.getProperty("dbPort") + "/ecommerce",
                "--db-user", where.getProperty("dbUser"), "--out", outDir.toString()));

        Scoresheet s = JsonReport.fromJson(Files.readString(outDir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(CheckThroughSshTest.appMarks(s)).as(out.toString()).isEqualTo(14.0);
        JsonNode app = EvidenceBundle.mapper().readTree(outDir.resolve("evidence.json").toFile()).path("app")
                .path("value");
        assertThat(app.path("timing").path("value").path("clientAt").asText())
                .isEqualTo("on the instance " + INSIDE + " (curl over SSH)");
        // AND item 6 keeps its 3 marks, the instance's timings agreeing with labcheck's own through the tunnel
        assertThat(item(s, "improvement").marks()).as(out.toString()).isEqualTo(3.0);
        assertThat(CheckThroughSshTest.result(s, "app_improvement_over_baseline").findings()).isEmpty();
        assertThat(app.path("timing").path("value").path("corroboration").path("tunnelPairs").asInt())
                .isGreaterThanOrEqualTo(5);
        assertThat(app.path("appUrl").asText()).isEqualTo("http://localhost:5001");
        assertThat(Files.readString(outDir.resolve("evidence.json"))).doesNotContain(where.getProperty("dbPassword"));
    }

    @Test
    void withInstanceConnectAndNoKeyFileTheHonestAppEarnsEveryAppSideMarkThroughTheInstance() throws Exception {
        // GIVEN no key file at all: the instance's sshd takes keys only from what EC2 Instance Connect received
        Path outDir = work.resolve("instance-connect");
        int before = instanceConnect.pushes();
        int code = check(Map.of("DB_PASSWORD", where.getProperty("dbPassword")), List.of(
                "--region", "us-east-1", "--endpoint-url", aws.url(),
                "--ssh", "root@" + INSIDE + ":" + eicSshd.port(), "--ssh-via", "instance-connect",
                "--ssh-known-hosts", eicSshd.knownHosts(work.resolve("known_hosts_eic")).toString(),
                "--redis", "localhost:" + where.getProperty("redisPort"),
                "--db-url", "jdbc:mysql://localhost:" + where.getProperty("dbPort") + "/ecommerce",
                "--db-user", where.getProperty("dbUser"), "--out", outDir.toString()));

        // THEN all 14 app-side marks, through the instance AWS shows at that address, with a key pushed for root
        Scoresheet s = JsonReport.fromJson(Files.readString(outDir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(code).as(err.toString()).isIn(ExitCodes.MARKS_LOST, ExitCodes.ALL_MARKS);
        assertThat(CheckThroughSshTest.appMarks(s)).as(out + "\n" + err).isEqualTo(14.0);
        assertThat(instanceConnect.pushes() - before).isEqualTo(1);
        assertThat(instanceConnect.lastPush().orElseThrow().path("InstanceId").asText()).isEqualTo("i-0app");
        assertThat(s.notes()).anyMatch(n -> n.startsWith("Reached EC2 instance i-0app (us-east-1a) with EC2 Instance"
                + " Connect") && n.contains("for OS user root"));
        // AND no private key anywhere in what was written
        try (var files = Files.walk(outDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("PRIVATE KEY");
            }
        }
    }

    @Test
    void aRosterWhoseRowsSayInstanceConnectAndGiveNoKeyIsGradedThroughTheInstance() throws Exception {
        // GIVEN a roster row with ssh_via instance-connect, no ssh_key, the instance at app_url's host
        Path roster = Files.writeString(work.resolve("roster-eic.csv"), "student_id,region,app_url,baseline_url,"
                + "redis,db_url,db_user,db_password_env,ssh_user,ssh_port,ssh_via\n"
                + "s1,us-east-1,http://" + INSIDE + ":5001,http://" + INSIDE + ":5000,localhost:"
                + where.getProperty("redisPort") + ",jdbc:mysql://localhost:" + where.getProperty("dbPort")
                + "/ecommerce," + where.getProperty("dbUser") + ",LAB_DB_PASSWORD,root," + eicSshd.port()
                + ",instance-connect\n");
        Path results = work.resolve("roster-eic-results");
        eicSshd.knownHosts(work.resolve("known_hosts_batch"));
        // WHEN the batch runs as its own process, AWS reached at the fake through the SDK's AWS_ENDPOINT_URL
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Labcheck.class.getName(), "batch", roster.toString(), "--out", results.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("batch-eic.log").toFile());
        pb.environment().putAll(Map.of("AWS_ENDPOINT_URL", aws.url(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_EC2_METADATA_DISABLED", "true",
                "LAB_DB_PASSWORD", where.getProperty("dbPassword"),
                "LABCHECK_SSH_KNOWN_HOSTS", work.resolve("known_hosts_batch").toString()));
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        // THEN the student earns every app-side mark through the instance
        String log = Files.readString(work.resolve("batch-eic.log"));
        Scoresheet s = JsonReport.fromJson(Files.readString(results.resolve("s1").resolve("scoresheet.json")), "s1");
        assertThat(CheckThroughSshTest.appMarks(s)).as(log).isEqualTo(14.0);
        assertThat(s.notes()).anyMatch(n -> n.contains("with EC2 Instance Connect"));
    }

    @Test
    void aFakeCurlFirstOnTheInstancesPathEarnsNothingForItem6AndIsFlaggedAsContradicted() throws Exception {
        // GIVEN a student's curl first on the instance's PATH (~/bin, from ~/.bashrc) that reports 0.4 ms for the
        // cache app and 4 ms for the no-cache app, and apps that are equally fast and claim the same saving
        Path bin = Files.createDirectories(sshd.home().resolve("bin"));
        Files.writeString(bin.resolve("curl"), "#!/bin/bash\n"
                + "# the student's curl: the real one answers each URL, the times are what the student wants graded\n"
                + "opts=(); urls=(); p='%{time_total}'\n"
                + "for a in \"$@\"; do case $a in http://*) urls+=(\"$a\");; *) opts+=(\"$a\");; esac; done\n"
                + "for u in \"${urls[@]}\"; do\n"
                + "  t=0.004; case $u in *:" + PrivateLabInside.LIAR_CACHE + "/*) t=0.0004;; esac\n"
                + "  /usr/bin/curl \"${opts[@]//\"$p\"/$t}\" \"$u\"\n"
                + "done\n");
        bin.resolve("curl").toFile().setExecutable(true);
        Files.writeString(sshd.home().resolve(".bashrc"), "export PATH=\"$HOME/bin:$PATH\"\n");
        try {
            Path outDir = work.resolve("fake-curl");
            // WHEN labcheck grades that pair through SSH
            check(Map.of("DB_PASSWORD", where.getProperty("dbPassword")), List.of(
                    "--ssh", "root@" + INSIDE + ":" + sshd.port(), "--ssh-key", sshd.rsaKey().toString(),
                    "--ssh-known-hosts", sshd.knownHosts(work.resolve("known_hosts")).toString(),
                    "--app", "http://localhost:" + PrivateLabInside.LIAR_CACHE,
                    "--baseline", "http://localhost:" + PrivateLabInside.LIAR_BASELINE,
                    "--redis", "localhost:" + where.getProperty("redisPort"), "--out", outDir.toString()));

            // THEN item 6 earns 0 of 3, with the contradiction finding, and says whose machine the figures came from
            Scoresheet s = JsonReport.fromJson(Files.readString(outDir.resolve("scoresheet.json")), "scoresheet.json");
            CheckResult item6 = CheckThroughSshTest.result(s, "app_improvement_over_baseline");
            assertThat(item(s, "improvement").marks()).as(item6.message() + "\n" + item6.details()).isZero();
            assertThat(item6.outcome()).as(item6.message() + "\n" + item6.details()).isEqualTo(Outcome.FAILED);
            assertThat(item6.findings()).contains("self_reported_timings_contradicted");
            assertThat(item6.message()).contains("self-reported timings contradict themselves")
                    .contains("a machine the student controls").contains("through the tunnel and timed by labcheck");
            assertThat(item6.details()).contains("on a machine the student controls");
            // AND the fake was in use: the instance's own figures show the saving it was written to show
            JsonNode c = EvidenceBundle.mapper().readTree(outDir.resolve("evidence.json").toFile()).path("app")
                    .path("value").path("timing").path("value").path("corroboration");
            assertThat(c.path("instanceSavingMs").asDouble()).isCloseTo(3.6, org.assertj.core.data.Offset.offset(0.01));
        } finally {
            Files.delete(sshd.home().resolve(".bashrc"));
            Files.delete(bin.resolve("curl"));
            Files.delete(bin);
        }
    }

    @Test
    void aFakeHostsEntryForTheCacheEndpointOnTheInstanceDoesNotMoveTheRedisForward() throws Exception {
        // GIVEN the instance resolves the cache endpoint's name to an address of the student's choosing
        assertThat(shOut("ip", "netns", "exec", NS, "getent", "hosts", CACHE_NAME)).startsWith("127.0.0.2 ");
        // AND labcheck's side resolves it (as AWS's public DNS does) to where the cache is, as the instance sees it:
        // a real resolver reading its own /etc/hosts, in a mount namespace of labcheck's process only
        Path hosts = work.resolve("labcheck-hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost\n127.0.0.1 " + CACHE_NAME + "\n"
                // AND a database name labcheck resolves to an address the instance cannot connect to (as a publicly
                // accessible RDS instance's name resolves to its public address outside its VPC)
                + "127.0.0.9 " + DB_NAME + "\n");
        Path outDir = work.resolve("hosts");
        String redis = CACHE_NAME + ":" + where.getProperty("redisPort");

        // WHEN labcheck grades through SSH with the cache endpoint given by name
        int code = labcheckWithHosts(hosts, Map.of("DB_PASSWORD", where.getProperty("dbPassword")), List.of("check",
                "--ssh", "root@" + INSIDE + ":" + sshd.port(), "--ssh-key", sshd.rsaKey().toString(),
                "--ssh-known-hosts", sshd.knownHosts(work.resolve("known_hosts")).toString(),
                "--redis", redis,
                "--db-url", "jdbc:mysql://" + DB_NAME + ":" + where.getProperty("dbPort") + "/ecommerce",
                "--db-user", where.getProperty("dbUser"), "--budget", "40", "--out", outDir.toString()));

        // THEN the forward went to the address labcheck resolved, the real Redis, and the TTL is verified there
        Scoresheet s = JsonReport.fromJson(Files.readString(outDir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(code).as(Files.readString(work.resolve("hosts.log"))).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(CheckThroughSshTest.result(s, "redis_product_key_ttl_set").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(s.notes()).anyMatch(n -> n.startsWith("Redis " + redis + " was forwarded to 127.0.0.1:"
                + where.getProperty("redisPort") + ", the address labcheck resolved the name to itself"));
        JsonNode app = EvidenceBundle.mapper().readTree(outDir.resolve("evidence.json").toFile()).path("app")
                .path("value");
        assertThat(app.path("redis").path("value").path("endpoint").asText()).isEqualTo(redis);
        // AND where the instance could not connect to labcheck's address, the forward went to the name as the instance
        // resolves it, and the notes say what was reached is then the instance's word
        assertThat(s.notes()).anyMatch(n -> n.startsWith("The instance could not connect to 127.0.0.9:"
                + where.getProperty("dbPort") + ", the address labcheck resolved " + DB_NAME) && n.contains("went to "
                + DB_NAME + " as the instance resolves it") && n.contains("the instance's word"));
        assertThat(CheckThroughSshTest.result(s, "app_cache_hits_skip_database").outcome()).isEqualTo(Outcome.PASSED);
    }

    /** labcheck as its own process, whose /etc/hosts is {@code hosts} (a private mount namespace: root only). */
    private static int labcheckWithHosts(Path hosts, Map<String, String> env, List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "mount --bind \"$0\" /etc/hosts && exec \"$@\"", hosts.toString(), java, "-cp",
                System.getProperty("java.class.path"), Labcheck.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("hosts.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("labcheck did not finish: " + Files.readString(work.resolve("hosts.log")));
        }
        return p.exitValue();
    }

    private static labcheck.report.ItemResult item(Scoresheet s, String id) {
        return s.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void fromOutsideWithoutSshTheAppIsUnreachableAndTheScoresheetNamesTheFlagToAdd() throws Exception {
        Path outDir = work.resolve("direct");
        int code = check(Map.of(), new ArrayList<>(List.of("--app", "http://" + INSIDE + ":5001", "--baseline",
                "http://" + INSIDE + ":5000", "--budget", "20", "--out", outDir.toString())));

        Scoresheet s = JsonReport.fromJson(Files.readString(outDir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(CheckThroughSshTest.appMarks(s)).isZero();
        var connects = CheckThroughSshTest.result(s, "app_health_redis_connected");
        assertThat(connects.outcome()).isIn(Outcome.UNVERIFIABLE, Outcome.FAILED);
        assertThat(connects.message()).contains("--ssh");
    }

    private static void must(String... cmd) throws IOException, InterruptedException {
        if (sh(cmd) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }

    private static String shOut(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
