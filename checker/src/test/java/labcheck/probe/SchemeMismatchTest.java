package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import labcheck.collect.FreePort;
import labcheck.evidence.Unavailable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app or Redis spoken to with the wrong scheme: each is named with the scheme to use, decided by
 * a TLS handshake with the real server (the JDK's HTTP and HTTPS servers, Debian's redis-server with TLS
 * only), where the probe used to say only "I/O error" or "likely".
 */
class SchemeMismatchTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    @TempDir
    static Path certs;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed (apt-get install openssl)");
        run(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                "cert.pem", "-days", "2", "-subj", "/CN=localhost");
        run(OPENSSL.toString(), "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "app.p12",
                "-passout", "pass:labcheck");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(certs.toFile()).redirectErrorStream(true)
                .redirectOutput(certs.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd)).isTrue();
    }

    private static HttpResult health(String url) {
        HttpProbe probe = new HttpProbe(HttpProbe.newClient(Duration.ofSeconds(2)), AppTarget.at(url),
                Duration.ofSeconds(3), 64 * 1024);
        return probe.get("/health", Deadline.after(Duration.ofSeconds(20)));
    }

    private static void answerHealth(com.sun.net.httpserver.HttpServer server) {
        server.createContext("/health", x -> {
            byte[] body = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    @Test
    void httpsForAPlainHttpAppSaysToUseHttp() throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        answerHealth(plain);
        try {
            String port = String.valueOf(plain.getAddress().getPort());

            HttpResult wrong = health("https://127.0.0.1:" + port);
            HttpResult right = health("http://127.0.0.1:" + port);

            assertThat(wrong.unreachable()).isTrue();
            assertThat(wrong.failure()).isEqualTo("the app at https://127.0.0.1:" + port + " does not speak TLS (it"
                    + " answered the TLS handshake as plain HTTP). Fix: use http://127.0.0.1:" + port + " in place of"
                    + " https://127.0.0.1:" + port);
            assertThat(right.status()).isEqualTo(200);
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void httpForATlsAppSaysToUseHttps() throws Exception {
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        answerHealth(tls);
        try {
            String port = String.valueOf(tls.getAddress().getPort());

            HttpResult wrong = health("http://127.0.0.1:" + port);

            assertThat(wrong.unreachable()).isTrue();
            assertThat(wrong.failure()).isEqualTo("the app at http://127.0.0.1:" + port + " speaks TLS (HTTPS), not"
                    + " plain HTTP. Fix: use https://127.0.0.1:" + port + " in place of http://127.0.0.1:" + port);
        } finally {
            tls.stop(0);
        }
    }

    @Test
    void plainRedisToATlsOnlyRedisSaysToUseRediss() throws Exception {
        assumeTrue(Files.isExecutable(REDIS), "Debian's redis-server is not installed");
        int port = FreePort.find();
        Process redis = new ProcessBuilder(List.of(REDIS.toString(), "--port", "0", "--tls-port", String.valueOf(port),
                "--bind", "127.0.0.1", "--tls-cert-file", certs.resolve("cert.pem").toString(), "--tls-key-file",
                certs.resolve("key.pem").toString(), "--tls-auth-clients", "no", "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true).redirectOutput(certs.resolve("redis-" + port + ".log").toFile()).start();
        try {
            awaitListening(port, redis);

            Unavailable why = RedisReader.connect(RedisTarget.of("127.0.0.1", port, false), Duration.ofSeconds(3))
                    .unavailable();

            assertThat(why.message()).startsWith("Redis at 127.0.0.1:" + port + " speaks only TLS (in-transit"
                    + " encryption is on), and the probe spoke plain Redis (").endsWith("Fix: give --redis rediss://"
                    + "127.0.0.1:" + port + ".");
        } finally {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    @Test
    void redissToAPlainRedisSaysToDropItWithoutGuessing() {
        Unavailable why = RedisReader.connect(RedisTarget.of("127.0.0.1", Backends.get().redisPort, true),
                Duration.ofSeconds(2)).unavailable();

        assertThat(why.message()).contains("did not speak TLS", "the cache has in-transit encryption off. Fix: give"
                + " --redis 127.0.0.1:" + Backends.get().redisPort + " without rediss://.");
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve("app.p12"))) {
            ks.load(in, "labcheck".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "labcheck".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void awaitListening(int port, Process redis) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end && redis.isAlive()) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server with TLS did not listen on " + port + ": "
                + Files.readString(certs.resolve("redis-" + port + ".log")));
    }
}
