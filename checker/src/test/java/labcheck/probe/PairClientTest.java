package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import labcheck.collect.FreePort;
import org.junit.jupiter.api.Test;

/** The timing pairs as a remote timer answers them: each body capped in bytes, as the probe's own. */
class PairClientTest {

    @Test
    void aMultiByteBodyOverTheCapIsCutAtTheCapInBytesAndMarkedTruncated() throws Exception {
        // GIVEN an app answering 600 two-byte characters (1200 bytes), and a 1024-byte cap
        byte[] body = "é".repeat(600).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                FreePort.find()), 5);
        server.createContext("/", x -> {
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            ProbeSettings s = ProbeSettings.of(url, url).withApps(new Apps(AppTarget.at(url), AppTarget.at(url),
                    new Fetching(url))).withLimits(Limits.DEFAULTS.withMaxBodyBytes(1024));
            PairClient client = new PairClient(s, null, null, new ArrayList<>());

            // WHEN one pair is sent through the remote timer
            List<HttpResult[]> pairs = client.pairs(List.of(7), 0, 1, Deadline.after(Duration.ofSeconds(20)));

            // THEN both answers are there, cut at 1024 bytes (512 characters) and said to be cut
            assertThat(pairs).hasSize(1);
            for (HttpResult r : pairs.get(0)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.truncated()).isTrue();
                assertThat(r.body().getBytes(StandardCharsets.UTF_8)).hasSize(1024);
                assertThat(r.body()).isEqualTo("é".repeat(512));
            }
        } finally {
            server.stop(0);
        }
    }

    /** Sends each leg from this host for real and reports what the server answered, as a remote side would. */
    private record Fetching(String base) implements RemoteTimer {

        @Override
        public String where() {
            return "on this host (test)";
        }

        @Override
        public List<Timed> get(List<Leg> legs, Duration requestTimeout, Duration budget) {
            HttpClient http = HttpClient.newHttpClient();
            List<Timed> out = new ArrayList<>();
            for (Leg leg : legs) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + leg.path()))
                            .timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
                    out.add(new Timed(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                            (System.nanoTime() - t0) / 1e6, null, false, false));
                } catch (java.io.IOException | InterruptedException e) {
                    out.add(new Timed(0, null, null, (System.nanoTime() - t0) / 1e6, e.toString(), true, false));
                }
            }
            return out;
        }
    }
}
