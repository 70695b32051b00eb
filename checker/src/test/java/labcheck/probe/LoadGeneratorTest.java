package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import labcheck.evidence.app.LoadTestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static HttpServer server;
    private static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        TestServers.noNagle();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        byte[] body = "{\"product\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/fixed", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
                out.flush();
                out.write(body);
            }
        });
        server.createContext("/close", ex -> {
            ex.getResponseHeaders().set("Connection", "close");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/error", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static LoadTestResult run(String path, int concurrency) {
        URI u = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new LoadGenerator(List.of(u), concurrency).warmup(Duration.ofMillis(200))
                .duration(Duration.ofMillis(800)).requestTimeout(Duration.ofSeconds(2)).run();
    }

    @Test
    void fixedLengthChunkedAndClosingResponsesAreAllCountedWithoutErrors() {
        for (String path : List.of("/fixed", "/chunked", "/close")) {
            LoadTestResult r = run(path, 16);
            assertThat(r.requests()).as(path).isGreaterThan(20);
            assertThat(r.errors()).as(path + " " + r.errorSamples()).isZero();
            assertThat(r.latency().p50()).as(path).isGreaterThan(0);
            assertThat(r.latency().count()).as("the correction only adds the samples a stall hid")
                    .isGreaterThanOrEqualTo(r.rawLatency().count());
            assertThat(r.latency().max()).isEqualTo(r.rawLatency().max());
        }
    }

    @Test
    void errorsAreCountedWithTheirReason() {
        LoadTestResult r = run("/error", 4);
        assertThat(r.requests()).isZero();
        assertThat(r.errors()).isPositive();
        assertThat(r.errorSamples()).contains("HTTP 503");
    }

    @Test
    void theRunIsTimeBoxedAndTheRequestBoundStopsItEarly() {
        long t0 = System.nanoTime();
        URI u = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fixed");
        LoadTestResult r = new LoadGenerator(List.of(u), 8).warmup(Duration.ofMillis(100))
                .duration(Duration.ofSeconds(30)).maxRequests(200).run();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        assertThat(r.timeBoxed()).isFalse();
        assertThat(r.requests()).isBetween(200L, 220L);
    }

    @Test
    void aClosedPortGivesErrorsNotAHang() throws Exception {
        URI u = URI.create("http://127.0.0.1:" + Backends.freePort() + "/x");
        long t0 = System.nanoTime();
        LoadTestResult r = new LoadGenerator(List.of(u), 4).warmup(Duration.ofMillis(100))
                .duration(Duration.ofMillis(500)).requestTimeout(Duration.ofSeconds(1)).run();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
        assertThat(r.requests()).isZero();
        assertThat(r.errors()).isPositive();
    }

    @Test
    void concurrencyIsBoundedAtOneThousand() {
        assertThatThrownBy(() -> new LoadGenerator(List.of(URI.create("http://127.0.0.1:1/")), 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }

    @Test
    void aMalformedContentLengthIsAnErrorAnswerNotADeadThread() throws Exception {
        // GIVEN an app answering every request with a Content-Length that is not a number
        int port = labcheck.collect.FreePort.find();
        try (java.net.ServerSocket listener = new java.net.ServerSocket(port, 16, InetAddress.getLoopbackAddress())) {
            Thread app = new Thread(() -> {
                for (int served = 0; served < 10_000 && !listener.isClosed(); served++) {
                    try (java.net.Socket s = listener.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n{}"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            app.setDaemon(true);
            app.start();

            LoadTestResult r = new LoadGenerator(List.of(URI.create("http://127.0.0.1:" + port + "/product/1")), 2)
                    .warmup(Duration.ofMillis(100)).duration(Duration.ofMillis(500))
                    .requestTimeout(Duration.ofSeconds(1)).run();

            // THEN the answers are errors with the reason, and the run completes
            assertThat(r.requests()).isZero();
            assertThat(r.errors()).isPositive();
            assertThat(r.errorSamples()).anySatisfy(e -> assertThat(e).contains("malformed Content-Length header"));
        }
    }
}
