package labapp.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labapp.config.Settings;
import labapp.product.ProductCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** {@code rediss://} with AUTH, as ElastiCache offers with in-transit encryption, on Debian's TLS-built redis 7. */
class RedisTlsTest {
    @TempDir
    Path tmp;

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("openssl.log"))).isZero();
    }

    @Test
    void aRedissUrlWithPasswordAndAPrivateCaReachesATlsOnlyRedis() throws Exception {
        assumeTrue("1".equals(System.getenv("LABCHECK_SYSTEM_SERVERS")),
                "LABCHECK_SYSTEM_SERVERS is not 1: Debian's redis-server (built with TLS) is not declared installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is missing");
        Path ca = tmp.resolve("ca.pem");
        Path caKey = tmp.resolve("ca.key");
        Path key = tmp.resolve("redis.key");
        Path csr = tmp.resolve("redis.csr");
        Path cert = tmp.resolve("redis.pem");
        Path ext = Files.writeString(tmp.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                "-days", "2", "-subj", "/CN=labapp test CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=127.0.0.1");
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        int port = FreePorts.pick();
        try (RedisProcess redis = RedisProcess.system(Path.of("/usr/bin/redis-server"), port, "tls-auth-pw",
                List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file", cert.toString(),
                        "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(),
                        "--tls-auth-clients", "no"))) {
            assertThat(redis.isRunning()).isTrue();
            Settings tls = Settings.builder().redisUrl("rediss://:tls-auth-pw@127.0.0.1:" + port).redisCaFile(ca).build();
            try (JedisPool pool = RedisConnector.pool(tls)) {
                ProductCache cache = new ProductCache(pool, 60, Duration.ofSeconds(1));
                assertThat(cache.ping()).as("PING over TLS with AUTH").isTrue();
                assertThat(cache.put(1, "{\"id\":1}")).isTrue();
                assertThat(cache.get(1).value()).isEqualTo("{\"id\":1}");
            }
            Settings plain = Settings.builder().redisUrl("redis://:tls-auth-pw@127.0.0.1:" + port)
                    .redisTimeout(Duration.ofMillis(300)).build();
            try (JedisPool pool = RedisConnector.pool(plain)) {
                assertThat(new ProductCache(pool, 60, Duration.ofSeconds(1)).ping())
                        .as("plain redis:// to a TLS-only port").isFalse();
            }
            Settings wrongPassword = tls.toBuilder().redisUrl("rediss://:nope@127.0.0.1:" + port).build();
            try (JedisPool pool = RedisConnector.pool(wrongPassword)) {
                assertThat(new ProductCache(pool, 60, Duration.ofSeconds(1)).ping()).as("wrong AUTH").isFalse();
            }
        }
    }

    @Test
    void aPasswordInTheUrlOrInRedisPasswordIsSentAsAuth() throws Exception {
        try (RedisProcess redis = RedisProcess.embedded(FreePorts.pick(), "url-pw")) {
            Settings fromUrl = Settings.builder().redisUrl("redis://:url-pw@127.0.0.1:" + redis.port()).build();
            Settings fromEnv = Settings.builder().redisUrl("redis://127.0.0.1:" + redis.port()).redisPassword("url-pw").build();
            Settings none = Settings.builder().redisUrl("redis://127.0.0.1:" + redis.port()).build();
            for (Settings s : List.of(fromUrl, fromEnv)) {
                try (JedisPool pool = RedisConnector.pool(s); Jedis j = pool.getResource()) {
                    assertThat(j.ping()).isEqualTo("PONG");
                }
            }
            try (JedisPool pool = RedisConnector.pool(none)) {
                assertThat(new ProductCache(pool, 60, Duration.ofSeconds(1)).ping()).isFalse();
            }
        }
    }
}
