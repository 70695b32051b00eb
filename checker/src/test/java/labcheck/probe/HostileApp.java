package labcheck.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An app that misbehaves at the HTTP level on every route, one way per instance (test code). */
final class HostileApp implements AutoCloseable {

    enum Behaviour { HUGE_BODY, SLOW_DRIP, HANG, INVALID_JSON, WRONG_TYPES, SERVER_ERROR, REDIRECT_TO_HTTPS, GZIP, EMPTY }

    private final Behaviour behaviour;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final CountDownLatch stopping = new CountDownLatch(1);

    HostileApp(Behaviour behaviour) throws IOException {
        TestServers.noNagle();
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            switch (behaviour) {
                case HUGE_BODY -> {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        byte[] chunk = "{\"product\":[".concat("1,".repeat(4000)).getBytes(StandardCharsets.UTF_8);
                        for (int i = 0; i < 2500 && stopping.getCount() > 0; i++) {
                            out.write(chunk);
                        }
                    }
                }
                case SLOW_DRIP -> {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 600 && !stopping.await(100, TimeUnit.MILLISECONDS); i++) {
                            out.write('{');
                            out.flush();
                        }
                    }
                }
                case HANG -> stopping.await(60, TimeUnit.SECONDS);
                case INVALID_JSON -> send(ex, 200, "{\"product\": {\"id\": 1,");
                case WRONG_TYPES -> send(ex, 200, "{\"product\": \"laptop\", \"response_time_ms\": \"fast\", "
                        + "\"cache_status\": 1, \"status\": 5, \"redis_status\": true, \"keyspace_hits\": \"many\"}");
                case SERVER_ERROR -> send(ex, 500, "{\"error\": \"Traceback (most recent call last)\"}");
                case REDIRECT_TO_HTTPS -> {
                    ex.getResponseHeaders().set("Location", "https://shop.example" + ex.getRequestURI().getPath());
                    ex.sendResponseHeaders(301, -1);
                }
                case GZIP -> {
                    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                        gz.write("{\"product\": {\"id\": 1}}".getBytes(StandardCharsets.UTF_8));
                    }
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    ex.sendResponseHeaders(200, zipped.size());
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(zipped.toByteArray());
                    }
                }
                case EMPTY -> send(ex, 200, "");
                default -> throw new IllegalStateException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the probe hung up on us: that is the point
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
