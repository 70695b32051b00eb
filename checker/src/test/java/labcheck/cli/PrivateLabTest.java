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
import labcheck.report.Outcome;
import labcheck.evidence.EvidenceBundle;
import labcheck.reach.Sshd;
import labcheck.report.JsonReport;
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

    @TempDir
    static Path work;

    private static Process lab;
    private static Sshd sshd;
    private static Properties where;
    private static boolean made;

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
        } finally {
            if (made) {
                sh("ip", "netns", "del", NS);
                sh("ip", "link", "del", VETH);
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
        assertThat(app.path("appUrl").asText()).isEqualTo("http://localhost:5001");
        assertThat(Files.readString(outDir.resolve("evidence.json"))).doesNotContain(where.getProperty("dbPassword"));
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
