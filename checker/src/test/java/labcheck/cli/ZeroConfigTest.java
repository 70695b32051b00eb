package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcheck.collect.FakeAws;
import labcheck.collect.FreePort;
import labcheck.collect.Lab;
import labcheck.collect.Labs;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.RdsInstance;
import labcheck.reach.Imds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code labcheck check} with no flags on an EC2 instance: a fake IMDSv2 on loopback says where it runs. */
class ZeroConfigTest {

    @TempDir
    Path dir;

    private HttpServer imds;
    private int tokenPuts;

    @BeforeEach
    void startFakeImds() throws IOException {
        imds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.find()), 10);
        imds.createContext("/latest/api/token", ex -> {
            boolean ok = "PUT".equals(ex.getRequestMethod())
                    && ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") != null;
            tokenPuts++;
            send(ex, ok ? 200 : 400, ok ? "tok-123" : "");
        });
        imds.createContext("/latest/meta-data/", ex -> {
            // IMDSv2 only: without the token, 401
            if (!"tok-123".equals(ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
                send(ex, 401, "");
                return;
            }
            String path = ex.getRequestURI().getPath();
            send(ex, 200, path.endsWith("/placement/region") ? "us-east-1" : path.endsWith("/instance-id")
                    ? "i-0app" : "");
        });
        imds.start();
    }

    @AfterEach
    void stopFakeImds() {
        imds.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + imds.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Test
    void imdsV2GivesTheRegionAndInstanceWithATokenFirst() {
        Optional<Imds.Instance> here = Imds.locate(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint()),
                Duration.ofSeconds(1));
        assertThat(here).isPresent();
        assertThat(here.get().region()).isEqualTo("us-east-1");
        assertThat(here.get().instanceId()).isEqualTo("i-0app");
        assertThat(tokenPuts).isEqualTo(1);
    }

    @Test
    void offEc2ItCostsAboutASecondAndFindsNothing() {
        long t0 = System.nanoTime();
        assertThat(Imds.locate(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + FreePort.find()),
                Duration.ofSeconds(1))).isEmpty();
        assertThat(Imds.locate(Map.of("AWS_EC2_METADATA_DISABLED", "true"), Duration.ofSeconds(1))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void checkWithNoAppFlagsOnEc2AssumesTheInstanceAndSaysSo() throws Exception {
        // GIVEN an account whose endpoints are closed loopback ports (nothing leaves this machine)
        Lab good = Labs.good();
        CacheCluster cluster = good.clusters().get(0).toBuilder().cacheNodes(List.of(new CacheCluster.CacheNode(
                "0001", "available", new Endpoint("127.0.0.1", FreePort.find()), "us-east-1a"))).build();
        RdsInstance db = good.dbs().get(0).toBuilder().endpoint(new Endpoint("127.0.0.1", FreePort.find())).build();
        Lab here = new Lab(List.of(cluster), good.groups(), good.serverless(), good.subnetGroups(), good.subnets(),
                good.routeTables(), good.securityGroups(), good.instances(), List.of(db), good.alarms());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (FakeAws aws = FakeAws.start(here)) {
            CheckCommand command = new CheckCommand();
            command.env = Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint(), "DB_PASSWORD", "pw-for-test");
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            // WHEN only the emulator's endpoint is given (on EC2 the SDK's own endpoints would be used); this
            // machine's localhost:5001/5000 may hold anything, so the probe only reads there (--no-writes)
            int code = cmd.execute("--endpoint-url", aws.url(), "--budget", "10", "--no-writes", "--out",
                    dir.toString());

            // THEN it says what it assumed, collects AWS in IMDS's region and probes the instance's own apps
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            assertThat(err.toString()).contains("running on EC2 instance i-0app (IMDSv2): assuming --region us-east-1"
                    + " --app http://localhost:5001 --baseline http://localhost:5000");
            Evidence e = EvidenceBundle.read(dir);
            assertThat(e.subject().region()).isEqualTo("us-east-1");
            assertThat(e.subject().appUrl()).isEqualTo("http://localhost:5001");
            assertThat(e.cacheClusters().value()).hasSize(1);
            assertThat(e.notes()).anyMatch(n -> n.startsWith("Redis endpoint found in ElastiCache and used"))
                    .anyMatch(n -> n.startsWith("Database endpoint found in RDS and used"));
            assertThat(Files.readString(dir.resolve("evidence.json"))).doesNotContain("pw-for-test");
        }
    }
}
