package labcheck.batch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 serving several students' apps under path prefixes
 * ({@code /<app>/health}, {@code /<app>/product/1}), each with its own behaviour; it counts
 * how many requests it serves at once, to show the batch never measures one host twice at a time.
 */
public final class LabServer implements AutoCloseable {

    /** How one student's app behaves: its Redis status, the response time it claims, and how slow it is. */
    public record App(String redisStatus, int reportedMs, int delayMs) {
        public static App good() {
            return new App("connected", 1, 0);
        }
    }

    static final AtomicInteger GLOBAL_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger GLOBAL_MAX = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public LabServer() throws IOException {
        server = bindBelow32768();
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public LabServer app(String name, App app) {
        apps.put(name, app);
        return this;
    }

    public String url(String app) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + app;
    }

    int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange x) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        GLOBAL_MAX.accumulateAndGet(GLOBAL_IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            String[] parts = x.getRequestURI().getPath().split("/");
            App app = parts.length >= 3 ? apps.get(parts[1]) : null;
            if (app == null) {
                send(x, 404, "{\"error\":\"no such app\"}");
                return;
            }
            if (app.delayMs() > 0) {
                Thread.sleep(app.delayMs());
            }
            String rest = x.getRequestURI().getPath().substring(parts[1].length() + 1);
            if (rest.equals("/health")) {
                send(x, 200, "{\"status\":\"healthy\",\"redis_status\":\"" + app.redisStatus() + "\"}");
            } else if (rest.startsWith("/product/")) {
                send(x, 200, "{\"product\":{\"id\":1},\"response_time_ms\":" + app.reportedMs()
                        + ",\"cache_status\":\"HIT\"}");
            } else {
                send(x, 404, "{\"error\":\"not found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            GLOBAL_IN_FLIGHT.decrementAndGet();
            x.close();
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    /** The brief keeps test servers below the kernel's ephemeral range (32768+). */
    private static HttpServer bindBelow32768() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try {
                return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            } catch (BindException taken) {
                // try another
            }
        }
        throw new IOException("no free port in 20000-32000 on 127.0.0.1");
    }

    /** A port on 127.0.0.1 with nothing listening: an unreachable app. */
    static int closedPort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return s.getLocalPort();
            } catch (BindException taken) {
                // try another
            }
        }
        throw new IOException("no free port in 20000-32000 on 127.0.0.1");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
