package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import labcheck.collect.AwsSettings;
import labcheck.collect.FakeAws;
import labcheck.collect.FreePort;
import labcheck.report.CheckResult;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --endpoint-url} pointing at something that is not a working AWS API, with labcheck's own
 * timeouts (none shortened for the test): a socket that accepts and never answers costs one bounded
 * identity call and nothing else is asked; a server answering plain text or an HTML page is named as
 * such, never "could not reach ... check the network" with exit 0.
 */
class AwsEndpointFaultsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void fakeCredentials() {
        FakeAws.useFakeCredentials();
    }

    private int run(String... args) {
        CommandLine cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int check(String endpoint, Path dir) {
        CheckCommand command = new CheckCommand();
        command.env = java.util.Map.of();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("--endpoint-url", endpoint, "--region", "us-east-1", "--out", dir.toString());
    }

    private static List<CheckResult> awsChecks(Path dir) throws Exception {
        Scoresheet sheet = JsonReport.fromJson(Files.readString(dir.resolve("scoresheet.json")), "s");
        return sheet.items().stream().flatMap(i -> i.checks().stream())
                .filter(c -> c.id().startsWith("elasticache_") || c.id().startsWith("ec2_")).toList();
    }

    @Test
    void anEndpointThatAcceptsAndNeverAnswersCostsOneBoundedIdentityCallAndIsAskedNothingElse() throws Exception {
        // GIVEN a socket that accepts every connection, reads the request and never answers
        List<String> asked = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(FreePort.find(), 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> hold(silent, asked), "silent-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();

            // WHEN collect and check run against it, with the default timeouts
            long t0 = System.nanoTime();
            int collect = run("collect", "--endpoint-url", endpoint, "--region", "us-east-1", "--out",
                    tmp.resolve("bundle").toString());
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            int graded = check(endpoint, tmp.resolve("sheet"));

            // THEN the first call is bounded by the identity timeout (15 s, not the 60 s of a call) and every
            // AWS fact says the endpoint did not answer, nothing else having been asked
            assertThat(AwsSettings.builder().region("us-east-1").clusterId("c").build().identityTimeout())
                    .isEqualTo(Duration.ofSeconds(15));
            assertThat(took).as("a bound with slack for a loaded machine, not a measurement")
                    .isLessThan(Duration.ofSeconds(50));
            assertThat(collect).isEqualTo(ExitCodes.ALL_MARKS);
            assertThat(out.toString()).contains("sts:GetCallerIdentity did not answer in time at the endpoint "
                    + endpoint, "nothing else was asked of AWS, since every call would wait as long");
            assertThat(asked).as("what the endpoint was sent").isNotEmpty()
                    .allMatch(request -> request.contains("/us-east-1/sts/aws4_request"));
            // AND check grades every AWS item unverifiable with that reason, not exit 0
            assertThat(graded).isEqualTo(ExitCodes.MARKS_LOST);
            assertThat(awsChecks(tmp.resolve("sheet"))).isNotEmpty().allSatisfy(c -> {
                assertThat(c.outcome()).as(c.id()).isEqualTo(Outcome.UNVERIFIABLE);
                assertThat(c.message()).as(c.id()).contains("did not answer in time");
            });
        }
    }

    @Test
    void anEndpointAnsweringPlainTextOrAWebPageIsNamedAsNotAnAwsApi() throws Exception {
        // GIVEN two web servers: one answering plain text, one an HTML "not found" page
        HttpServer web = answering(200, "text/plain", "hello from a web server");
        HttpServer pages = answering(404, "text/html; charset=utf-8", "<html><body>Not Found</body></html>");
        try {
            String text = "http://127.0.0.1:" + web.getAddress().getPort();
            String html = "http://127.0.0.1:" + pages.getAddress().getPort();

            // WHEN collect runs against each, and check against the plain-text one
            int collectText = run("collect", "--endpoint-url", text, "--region", "us-east-1", "--out",
                    tmp.resolve("a").toString());
            int collectHtml = run("collect", "--endpoint-url", html, "--region", "us-east-1", "--out",
                    tmp.resolve("b").toString());
            int graded = check(text, tmp.resolve("sheet"));

            // THEN collect is a usage error naming what answered, and check loses the AWS items saying so
            assertThat(collectText).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(collectHtml).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(err.toString()).contains("labcheck collect: The endpoint " + text + " answered"
                    + " sts:GetCallerIdentity with text/plain (HTTP 200), not an AWS API; check --endpoint-url",
                    "labcheck collect: The endpoint " + html + " answered sts:GetCallerIdentity with text/html"
                    + " (HTTP 404), not an AWS API; check --endpoint-url")
                    .doesNotContain("check the network");
            assertThat(graded).isEqualTo(ExitCodes.MARKS_LOST);
            assertThat(awsChecks(tmp.resolve("sheet"))).isNotEmpty().allSatisfy(c ->
                    assertThat(c.message()).as(c.id()).contains("text/plain (HTTP 200), not an AWS API"));
        } finally {
            web.stop(0);
            pages.stop(0);
        }
    }

    private static HttpServer answering(int status, String type, String text) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        return server;
    }

    /**
     * Accepts every connection and reads what is sent, answering nothing; records each request's head, whose
     * signature names the service it is for (a body may wait for a 100-continue that never comes).
     */
    private static void hold(ServerSocket silent, List<String> asked) {
        while (!silent.isClosed()) {
            try {
                Socket s = silent.accept();
                Thread reader = new Thread(() -> {
                    StringBuilder request = new StringBuilder();
                    try (InputStream in = s.getInputStream()) {
                        byte[] buf = new byte[8192];
                        for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                            request.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    } catch (java.io.IOException closed) {
                        // the client timed out and closed
                    }
                    asked.add(request.toString());
                });
                reader.setDaemon(true);
                reader.start();
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }
}
