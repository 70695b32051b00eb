package labapp;

import static labapp.LabHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import labapp.LabHttp.Answer;
import labapp.backends.SystemMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The contract and the faults on Debian's redis-server 7.0 (the lab's engine version) and
 * mariadb-server 10.11, run when {@code LABCHECK_SYSTEM_SERVERS=1} says they are installed.
 */
class SystemServersTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        assumeTrue("1".equals(System.getenv("LABCHECK_SYSTEM_SERVERS")),
                "LABCHECK_SYSTEM_SERVERS is not 1: Debian's redis-server and mariadb-server are not declared installed");
        assumeTrue(SystemMariaDb.available() && java.nio.file.Files.isExecutable(Path.of("/usr/bin/redis-server")),
                "LABCHECK_SYSTEM_SERVERS=1 but /usr/bin/redis-server or /usr/sbin/mariadbd is missing");
        lab = EmbeddedLab.start(EmbeddedLab.Options.defaults()
                .withSystemServers(Path.of("target", "system-servers"))
                .withRedisTimeouts(Duration.ofMillis(300), Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theServersAreDebiansRedis7AndMariadb1011() throws Exception {
        try (Jedis j = new Jedis(lab.redisHost(), lab.redisPort())) {
            assertThat(j.info("server")).contains("redis_version:7.");
        }
        try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION(), COUNT(*) FROM products")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("10.11");
            assertThat(rs.getInt(2)).isEqualTo(1005);
        }
    }

    @Test
    void lazyLoadingMissThenHitWithTheTtlAndStats() {
        try (Jedis j = new Jedis(lab.redisHost(), lab.redisPort())) {
            j.del("product:1");
            assertThat(get(lab.cacheUrl() + "/product/1").json().get("cache_status").asText()).isEqualTo("MISS");
            assertThat(get(lab.cacheUrl() + "/product/1").json().get("cache_status").asText()).isEqualTo("HIT");
            assertThat(j.ttl("product:1")).isBetween(3500L, 3600L);
        }
        Answer stats = get(lab.cacheUrl() + "/stats");
        assertThat(stats.json().get("keyspace_hits").asLong()).isPositive();
        assertThat(get(lab.baselineUrl() + "/product/1").json().get("product").get("name").asText()).isEqualTo("Laptop");
    }

    @Test
    void aFrozenRedis7FallsBackToMariadbWithinTheTimeout() {
        assertThat(LabHttp.awaitHit(lab.cacheUrl() + "/product/2").status()).isEqualTo(200);
        lab.redis().freeze();
        Answer a;
        try {
            a = get(lab.cacheUrl() + "/product/2");
        } finally {
            lab.redis().thaw();
        }
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("cache_status").asText()).isEqualTo("MISS");
        // the Redis timeout, not a hang (slack for a loaded machine)
        assertThat(a.millis()).isLessThan(5_000);
    }

    @Test
    void aStoppedMariadbAnswers503ForUncachedAndServesCached() {
        assertThat(LabHttp.awaitHit(lab.cacheUrl() + "/product/3").status()).isEqualTo(200);
        lab.database().stop();
        Answer cached;
        Answer uncached;
        try {
            cached = get(lab.cacheUrl() + "/product/3");
            uncached = get(lab.cacheUrl() + "/product/4");
        } finally {
            lab.database().start();
        }
        assertThat(cached.json().get("cache_status").asText()).isEqualTo("HIT");
        assertThat(uncached.status()).isEqualTo(503);
        assertThat(uncached.json().get("error").asText()).contains("database unavailable");
    }
}
