package labcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import labcheck.probe.TestServers;

/**
 * A hostile student's pair of apps (test code): two ports that serve the same cache app, so they
 * are equally fast, each claiming its own {@code response_time_ms} on {@code GET /product/<id>}
 * (e.g. 0.4 ms for the "cache" app, 4 ms for the "no-cache" app). Everything else is passed
 * through as the cache app answers it.
 *
 * <pre>{@code
 * LyingApps liars = LyingApps.start("http://127.0.0.1:5001", 5011, 0.4, 5010, 4.0);
 * }</pre>
 */
final class LyingApps implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TestServers.noNagle();
    }

    private final HttpServer fast;
    private final HttpServer slow;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final HttpClient upstream = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LyingApps(String cacheApp, int fastPort, double fastMs, int slowPort, double slowMs) throws IOException {
        fast = serve(cacheApp, fastPort, fastMs);
        slow = serve(cacheApp, slowPort, slowMs);
    }

    static LyingApps start(String cacheApp, int fastPort, double fastMs, int slowPort, double slowMs)
            throws IOException {
        return new LyingApps(cacheApp, fastPort, fastMs, slowPort, slowMs);
    }

    private HttpServer serve(String cacheApp, int port, double claimedMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
        server.setExecutor(pool);
        server.createContext("/", ex -> relay(ex, cacheApp, claimedMs));
        server.start();
        return server;
    }

    private void relay(HttpExchange ex, String cacheApp, double claimedMs) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(cacheApp + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(10))
                    .method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(in));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                req.header("Content-Type", type);
            }
            HttpResponse<byte[]> r = upstream.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] out = r.body();
            if ("GET".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().startsWith("/product/")) {
                JsonNode o = JSON.readTree(out);
                if (o instanceof ObjectNode obj && obj.has("response_time_ms")) {
                    obj.put("response_time_ms", claimedMs);
                    out = JSON.writeValueAsBytes(obj);
                }
            }
            ex.getResponseHeaders().add("Content-Type", r.headers().firstValue("Content-Type")
                    .orElse("application/json"));
            ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            ex.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        fast.stop(0);
        slow.stop(0);
        pool.shutdownNow();
    }
}
