package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import labcheck.collect.FreePort;
import labcheck.evidence.SecretGuard;

/**
 * Plants one distinctive secret in each input channel labcheck reads (flags, environment, roster,
 * labcheck.yaml, URLs, the app's answers, the app's source) and asserts that none of them reaches
 * standard output, standard error or any file under the output directories (test code).
 *
 * <pre>{@code
 * try (SecretScan scan = SecretScan.start(tmp)) {
 *     run("check", "--app", scan.appUrl(), "--source", scan.sourceFile().toString(), "--out", out);
 *     scan.assertNoneLeaked(stdout, stderr, out);
 * }
 * }</pre>
 */
public final class SecretScan implements AutoCloseable {

    /** A password typed where a variable's name belongs ({@code --db-password-env}). */
    public static final String FLAG = "Pl4nt3d-fl4g-Qx71";
    /** The value of the environment variable holding the database and Redis passwords. */
    public static final String ENV = "Pl4nt3d-env-Wd93";
    /** A password typed into a roster's db_password_env column, or into a URL column. */
    public static final String ROSTER = "Pl4nt3d-r0ster-Ze55";
    /** A password in labcheck.yaml. */
    public static final String CONFIG = "Pl4nt3d-c0nfig-Rt28";
    /** A token in a URL's query or user-info, or a Redis AUTH token holding '#'. */
    public static final String URL = "Pl4nt3d-url-Mv64";
    /** A password inside a URL in the app's product description. */
    public static final String APP = "Pl4nt3d-app-Hs17";
    /** An inline password in the app's source. */
    public static final String SOURCE = "Pl4nt3d-s0urce-Ky40";

    public static final List<String> ALL = List.of(FLAG, ENV, ROSTER, CONFIG, URL, APP, SOURCE);
    /** The environment variable holding {@link #ENV}. */
    public static final String PASSWORD_VARIABLE = "LAB_PLANTED_PW";

    private final Path dir;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    private SecretScan(Path dir) throws IOException {
        this.dir = dir;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.find()), 16);
        server.createContext("/", this::answer);
        server.setExecutor(pool);
        server.start();
    }

    /** Starts the planted app; {@code dir} receives the planted source file. */
    public static SecretScan start(Path dir) {
        try {
            return new SecretScan(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app, whose product descriptions link to {@code https://admin:APP@mirror.example/}. */
    public String appUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment a run gets: the password variable, set to {@link #ENV}. */
    public Map<String, String> env() {
        return Map.of(PASSWORD_VARIABLE, ENV);
    }

    /** The app's source: the /product route, with {@code password='SOURCE'} inline. */
    public Path sourceFile() throws IOException {
        return Files.writeString(dir.resolve("app_with_cache.py"), """
                @app.route('/product/<int:product_id>')
                def get_product(product_id):
                    cached = redis_client.get(f'product:{product_id}')
                    conn = pymysql.connect(host='db', user='admin', password='%s')
                    cursor.execute("SELECT * FROM products WHERE id = %%s", (product_id,))
                """.formatted(SOURCE));
    }

    /** A labcheck.yaml holding {@link #CONFIG} as a password. */
    public Path configFile() throws IOException {
        return Files.writeString(dir.resolve("labcheck.yaml"), "app: " + appUrl() + "\ndb-password: " + CONFIG + "\n");
    }

    /** Asserts no planted secret is in {@code stdout}, {@code stderr} or any file under {@code outputs}. */
    public void assertNoneLeaked(String stdout, String stderr, Path... outputs) throws IOException {
        assertClean("standard output", stdout);
        assertClean("standard error", stderr);
        for (Path root : outputs) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertClean(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    private static void assertClean(String where, String text) {
        for (String secret : ALL) {
            assertThat(text).as("the planted secret %s in %s", secret, where).doesNotContain(secret);
        }
        assertThat(SecretGuard.findSecret(text)).as("a secret-looking text in %s", where).isNull();
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String body;
        if (path.equals("/health")) {
            body = "{\"status\":\"healthy\",\"redis_status\":\"connected\"}";
        } else if (path.startsWith("/product/")) {
            body = "{\"product\":{\"id\":" + path.substring("/product/".length()) + ",\"name\":\"Laptop\",\"price\":"
                    + "999.0,\"description\":\"Drivers at https://admin:" + APP + "@mirror.example/drivers\"},"
                    + "\"response_time_ms\":1.5,\"cache_status\":\"HIT\"}";
        } else if (path.equals("/stats")) {
            body = "{\"keyspace_hits\":10,\"keyspace_misses\":1,\"hit_ratio\":0.9}";
        } else {
            body = "{\"error\":\"not found\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(path.equals("/health") || path.startsWith("/product/") || path.equals("/stats")
                ? 200 : 404, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
