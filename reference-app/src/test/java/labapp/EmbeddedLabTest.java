package labapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The in-process API the checker uses: everything up on start, everything gone on close. */
class EmbeddedLabTest {

    private static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void closeStopsAppsRedisAndMariadbAndTheirProcesses() throws Exception {
        EmbeddedLab lab = EmbeddedLab.start();
        long redisPid = lab.redis().pid();
        java.net.URI cache = java.net.URI.create(lab.cacheUrl());
        java.net.URI baseline = java.net.URI.create(lab.baselineUrl());
        int dbPort = lab.database().port();
        int redisPort = lab.redisPort();
        assertThat(cache.getPort()).isBetween(1, 32767);
        assertThat(LabHttp.get(lab.cacheUrl() + "/health").status()).isEqualTo(200);
        List<ProcessHandle> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(children).extracting(ProcessHandle::pid).contains(redisPid);

        lab.close();
        lab.close();

        assertThat(ProcessHandle.of(redisPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(listening("127.0.0.1", cache.getPort())).as("cache app port after close").isFalse();
        assertThat(listening("127.0.0.1", baseline.getPort())).as("no-cache app port after close").isFalse();
        assertThat(listening("127.0.0.1", redisPort)).as("Redis port after close").isFalse();
        assertThat(listening("127.0.0.1", dbPort)).as("MariaDB port after close").isFalse();
        assertThat(children).as("server processes left after close")
                .noneMatch(p -> p.isAlive() && p.info().command().orElse("").matches(".*(redis-server|mariadbd)$"));
    }

    @Test
    void theGraderAccountReadsButCannotWriteAndPasswordsAreChecked() throws Exception {
        try (EmbeddedLab lab = EmbeddedLab.start(EmbeddedLab.Options.defaults().withRedisPassword("redis-pw-1"))) {
            try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
                 Statement s = c.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM products").next()).isTrue();
                assertThatThrownBy(() -> s.executeUpdate("UPDATE products SET views = 0 WHERE id = 1"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), "not-the-password"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");

            // AUTH: the app reaches Redis with the password from REDIS_URL; a client without it cannot.
            LabHttp.get(lab.cacheUrl() + "/product/1");
            assertThat(LabHttp.get(lab.cacheUrl() + "/product/1").json().get("cache_status").asText()).isEqualTo("HIT");
            assertThat(LabHttp.get(lab.cacheUrl() + "/health").json().get("redis_status").asText()).isEqualTo("connected");
            try (Jedis anonymous = new Jedis(lab.redisHost(), lab.redisPort())) {
                assertThatThrownBy(() -> anonymous.get("product:1")).isInstanceOf(JedisDataException.class)
                        .hasMessageContaining("NOAUTH");
            }
        }
    }
}
