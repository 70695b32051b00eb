package labapp.http;

import static labapp.LabHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import labapp.EmbeddedLab;
import labapp.LabApp;
import labapp.LabHttp.Answer;
import labapp.config.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed app's Redis faults, each reproduced on a real redis-server and shown fixed. */
class RedisFaultsTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start(EmbeddedLab.Options.defaults()
                .withRedisTimeouts(Duration.ofMillis(300), Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static Answer awaitHit(String url) {
        return labapp.LabHttp.awaitHit(url);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void redisStoppedStillServesProductsFromMysqlAndAnswersHealthAndStatsAsJson() throws Exception {
        lab.redis().stop();
        try {
            Answer product = get(lab.cacheUrl() + "/product/10");
            Answer health = get(lab.cacheUrl() + "/health");
            Answer stats = get(lab.cacheUrl() + "/stats");

            assertThat(product.status()).isEqualTo(200);
            assertThat(product.json().get("cache_status").asText()).isEqualTo("MISS");
            assertThat(product.json().get("product").get("id").asInt()).isEqualTo(10);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("redis_status").asText()).isEqualTo("disconnected");
            assertThat(health.json().get("db_status").asText()).isEqualTo("connected");
            assertThat(health.json().get("status").asText()).isEqualTo("degraded");
            assertThat(stats.status()).isEqualTo(503);
            assertThat(stats.json()).as("stats body is JSON: " + stats.body()).isNotNull();
            assertThat(stats.json().get("redis_status").asText()).isEqualTo("disconnected");
            assertThat(stats.json().has("app_requests")).isTrue();
        } finally {
            lab.redis().start();
        }
        assertThat(awaitHit(lab.cacheUrl() + "/product/10").json().get("cache_status").asText())
                .as("caching resumes once Redis is back").isEqualTo("HIT");
        assertThat(get(lab.cacheUrl() + "/stats").status()).isEqualTo(200);
    }

    @Test
    void redisFrozenCostsAShortTimeoutThenMysqlServesTheProduct() throws Exception {
        // A 2 s Redis timeout and a 60 s pause after a failure: "waited for Redis" (>= 2 s) and
        // "left Redis alone" (a database read) stay far apart even on a loaded machine.
        try (LabApp app = LabApp.start(lab.settings().toBuilder().mode(Mode.CACHE)
                .cachePort(labapp.backends.FreePorts.pick())
                .redisTimeout(Duration.ofSeconds(2)).redisRetryAfter(Duration.ofSeconds(60)).build())) {
            get(app.cacheUrl() + "/product/11");
            assertThat(get(app.cacheUrl() + "/product/11").json().get("cache_status").asText()).isEqualTo("HIT");
            lab.redis().freeze();
            Answer product;
            Answer again;
            Answer health;
            try {
                product = get(app.cacheUrl() + "/product/11");
                again = get(app.cacheUrl() + "/product/11");
                health = get(app.cacheUrl() + "/health");
            } finally {
                lab.redis().thaw();
            }
            assertThat(product.status()).isEqualTo(200);
            assertThat(product.json().get("cache_status").asText()).isEqualTo("MISS");
            assertThat(product.millis()).as("ms for a product while Redis is frozen: the timeout, not forever")
                    .isBetween(1_900L, 15_000L);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.millis()).as("ms for the next one: Redis is left alone, no second timeout")
                    .isLessThan(1_900L);
            assertThat(health.json().get("redis_status").asText()).isEqualTo("disconnected");
            assertThat(health.millis()).isLessThan(15_000L);
        }
        assertThat(awaitHit(lab.cacheUrl() + "/product/11").status()).isEqualTo(200);
    }

    @Test
    void anAppStartedWhileRedisIsDownStartsCachingWhenRedisComesUp() throws Exception {
        lab.redis().stop();
        try (LabApp late = LabApp.start(lab.settings().toBuilder().mode(Mode.CACHE)
                .cachePort(labapp.backends.FreePorts.pick()).build())) {
            Answer down = get(late.cacheUrl() + "/product/12");
            assertThat(down.status()).isEqualTo(200);
            assertThat(down.json().get("cache_status").asText()).isEqualTo("MISS");

            lab.redis().start();

            Answer hit = awaitHit(late.cacheUrl() + "/product/12");
            assertThat(hit.json().get("cache_status").asText()).as("caching after Redis came up").isEqualTo("HIT");
            assertThat(get(late.cacheUrl() + "/health").json().get("redis_status").asText()).isEqualTo("connected");
        } finally {
            lab.redis().start();
        }
    }
}
