package labapp.http;

import static labapp.LabHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import labapp.EmbeddedLab;
import labapp.LabHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL stopped under the apps: cached products still served, others a JSON 503, no leak. */
class DatabaseFaultsTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start(EmbeddedLab.Options.defaults().withNoCacheConnections(labapp.config.DbConnections.POOLED));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void mysqlStoppedServesCachedProductsAnswersOthers503AndRecovers() {
        get(lab.cacheUrl() + "/product/20");
        lab.database().stop();
        Answer cached;
        Answer uncached;
        Answer baseline;
        Answer health;
        Answer baselineHealth;
        try {
            cached = get(lab.cacheUrl() + "/product/20");
            uncached = get(lab.cacheUrl() + "/product/21");
            baseline = get(lab.baselineUrl() + "/product/20");
            health = get(lab.cacheUrl() + "/health");
            baselineHealth = get(lab.baselineUrl() + "/health");
            for (int i = 0; i < 5; i++) {
                assertThat(get(lab.cacheUrl() + "/product/" + (100 + i)).status()).isEqualTo(503);
            }
        } finally {
            lab.database().start();
        }
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.json().get("cache_status").asText()).isEqualTo("HIT");
        assertThat(uncached.status()).isEqualTo(503);
        assertThat(uncached.json().get("error").asText()).contains("database unavailable");
        assertThat(uncached.millis()).as("ms to answer 503").isLessThan(5_000);
        assertThat(baseline.status()).isEqualTo(503);
        assertThat(baseline.json()).isNotNull();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("db_status").asText()).isEqualTo("disconnected");
        assertThat(health.json().get("status").asText()).isEqualTo("degraded");
        assertThat(baselineHealth.status()).isEqualTo(503);
        assertThat(baselineHealth.json().get("status").asText()).isEqualTo("unhealthy");

        assertThat(awaitStatus(lab.cacheUrl() + "/product/21", 200)).as("product 21 once MySQL is back").isEqualTo(200);
        assertThat(awaitStatus(lab.baselineUrl() + "/product/21", 200)).isEqualTo(200);
        assertNoBorrowedConnections(lab.app().cachePool().getHikariPoolMXBean());
        assertNoBorrowedConnections(lab.app().noCachePool().getHikariPoolMXBean());
    }

    @Test
    void thePooledAppsOpenNoConnectionPerRequest() {
        for (int i = 0; i < 3; i++) {
            get(lab.baselineUrl() + "/product/" + (60 + i));
        }
        long before = labapp.LabHttp.dbStatus(lab, "Connections");
        for (int i = 0; i < 20; i++) {
            assertThat(get(lab.baselineUrl() + "/product/" + (60 + i)).status()).isEqualTo(200);
            assertThat(get(lab.cacheUrl() + "/product/" + (60 + i)).status()).isEqualTo(200);
        }
        // An app connecting per request opens 40 here. The pools may still top up idle connections in the
        // background (an earlier test restarted MySQL), and our counter read is one more: a few, never 40.
        assertThat(labapp.LabHttp.dbStatus(lab, "Connections") - before).isLessThan(10);
    }

    private static void assertNoBorrowedConnections(HikariPoolMXBean pool) {
        assertThat(pool.getActiveConnections()).as("connections still borrowed after the requests ended").isZero();
        assertThat(pool.getTotalConnections()).isLessThanOrEqualTo(16);
    }

    static int awaitStatus(String url, int wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(url).status();
            if (last == wanted) {
                return last;
            }
            RedisFaultsTest.sleep(200);
        }
        return last;
    }
}
