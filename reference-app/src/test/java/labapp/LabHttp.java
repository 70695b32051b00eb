package labapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test's HTTP client: every call bounded by a timeout, answers parsed as JSON. */
public final class LabHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LabHttp() {
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param contentType Content-Type header
     * @param body raw body
     * @param json the body parsed, or null when it is not JSON
     * @param millis client-observed time
     */
    public record Answer(int status, String contentType, String body, JsonNode json, long millis) {
    }

    public static Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Answer put(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    public static Answer delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    public static Answer post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls {@code url} until it answers a cache HIT, for at most 10 s; returns the last answer. */
    public static Answer awaitHit(String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get(url);
            if (last.status() == 200 && last.json() != null && last.json().has("cache_status")
                    && "HIT".equals(last.json().get("cache_status").asText())) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
        return last;
    }

    /** MariaDB's {@code SHOW GLOBAL STATUS} counter {@code name}, read with the lab's read-only account. */
    public static long dbStatus(EmbeddedLab lab, String name) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static Answer send(HttpRequest.Builder b) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = MAPPER.readTree(r.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), json,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
