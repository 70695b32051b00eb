package labapp.http;

import static labapp.LabHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import labapp.EmbeddedLab;
import labapp.LabHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The seed's HTTP contract, on both apps, against real Redis and MariaDB. */
class ProductApiTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Jedis redis() {
        return new Jedis(lab.redisHost(), lab.redisPort());
    }

    @Test
    void firstReadIsAMissFromMysqlThenAHitFromRedisWithTheSeedsFields() {
        try (Jedis r = redis()) {
            r.del("product:1");
        }
        Answer miss = get(lab.cacheUrl() + "/product/1");
        Answer hit = get(lab.cacheUrl() + "/product/1");

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.contentType()).startsWith("application/json");
        assertThat(miss.json().get("cache_status").asText()).isEqualTo("MISS");
        assertThat(miss.json().get("cache_used").asBoolean()).isFalse();
        assertThat(hit.json().get("cache_status").asText()).isEqualTo("HIT");
        assertThat(hit.json().get("cache_used").asBoolean()).isTrue();
        for (Answer a : new Answer[] {miss, hit}) {
            JsonNode p = a.json().get("product");
            assertThat(a.json().fieldNames()).toIterable()
                    .containsExactly("product", "response_time_ms", "cache_used", "cache_status");
            assertThat(p.fieldNames()).toIterable().containsExactly("id", "name", "price", "description", "views");
            assertThat(p.get("id").asInt()).isEqualTo(1);
            assertThat(p.get("name").asText()).isEqualTo("Laptop");
            assertThat(p.get("price").isNumber()).as("price is a JSON number").isTrue();
            assertThat(p.get("price").decimalValue()).isEqualByComparingTo("999.99");
            assertThat(p.get("views").asInt()).isEqualTo(1500);
            assertThat(a.json().get("response_time_ms").isNumber()).isTrue();
            assertThat(a.json().get("response_time_ms").asDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(5000.0);
        }
    }

    @Test
    void aMissStoresTheProductWithSetexAndTheLabsTtl() {
        try (Jedis r = redis()) {
            r.del("product:2");
            get(lab.cacheUrl() + "/product/2");
            long ttl = r.ttl("product:2");
            assertThat(ttl).as("TTL of product:2").isBetween(3500L, 3600L);
            assertThat(r.get("product:2")).contains("\"name\":\"Mouse\"").contains("\"price\":29.99");
        }
    }

    @Test
    void theNoCacheAppAnswersTheSeedsNoCacheShapeAndNeverTouchesRedis() {
        try (Jedis r = redis()) {
            r.del("product:3");
            Answer a = get(lab.baselineUrl() + "/product/3");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().fieldNames()).toIterable().containsExactly("product", "response_time_ms", "cache_used");
            assertThat(a.json().get("cache_used").asBoolean()).isFalse();
            assertThat(a.json().get("product").get("name").asText()).isEqualTo("Keyboard");
            assertThat(r.exists("product:3")).as("no-cache app must not write product:3").isFalse();
        }
    }

    @Test
    void aMissingIdIsAJson404OnBothApps() {
        for (String base : new String[] {lab.cacheUrl(), lab.baselineUrl()}) {
            Answer a = get(base + "/product/999999");
            assertThat(a.status()).as(base).isEqualTo(404);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.json().get("error").asText()).contains("999999");
            assertThat(a.json().get("product").isNull()).isTrue();
        }
    }

    @Test
    void aBadIdIsAJson400NotAnHtmlPage() {
        for (String bad : new String[] {"-1", "0", "abc", "1.5", "99999999999", "2147483648"}) {
            Answer a = get(lab.cacheUrl() + "/product/" + bad);
            assertThat(a.status()).as("/product/" + bad).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.json()).as("JSON body for /product/" + bad).isNotNull();
            assertThat(a.json().get("error").asText()).contains("whole number");
        }
    }

    @Test
    void anUnknownPathIsAJson404() {
        Answer a = get(lab.cacheUrl() + "/nope");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json()).isNotNull();
        assertThat(a.json().get("error").asText()).contains("/nope");
    }

    @Test
    void statsReportsRedisKeyspaceCountersAndTheAppsOwn() {
        get(lab.cacheUrl() + "/product/4");
        get(lab.cacheUrl() + "/product/4");
        Answer s = get(lab.cacheUrl() + "/stats");

        assertThat(s.status()).isEqualTo(200);
        JsonNode j = s.json();
        assertThat(j.fieldNames()).toIterable().startsWith("keyspace_hits", "keyspace_misses", "total_requests",
                "hit_ratio_percent");
        assertThat(j.get("total_requests").asLong())
                .isEqualTo(j.get("keyspace_hits").asLong() + j.get("keyspace_misses").asLong());
        assertThat(j.get("keyspace_hits").asLong()).isPositive();
        double expected = 100.0 * j.get("keyspace_hits").asLong() / j.get("total_requests").asLong();
        assertThat(j.get("hit_ratio_percent").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        assertThat(j.get("app_cache_hits").asLong()).isPositive();
        assertThat(j.get("app_cache_misses").asLong()).isPositive();
        assertThat(j.get("app_requests").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void healthSaysConnectedWhenRedisAndMysqlAnswer() {
        Answer h = get(lab.cacheUrl() + "/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().get("status").asText()).isEqualTo("healthy");
        assertThat(h.json().get("redis_status").asText()).isEqualTo("connected");
        assertThat(h.json().get("db_status").asText()).isEqualTo("connected");

        Answer b = get(lab.baselineUrl() + "/health");
        assertThat(b.json().get("status").asText()).isEqualTo("healthy");
        assertThat(b.json().get("redis_status").asText()).isEqualTo("not_used");
    }

    @Test
    void theEmbeddedBaselineOpensOneConnectionPerRequestAsTheSeedsNoCacheApp() {
        long before = labapp.LabHttp.dbStatus(lab, "Connections");
        for (int i = 0; i < 10; i++) {
            assertThat(get(lab.baselineUrl() + "/product/" + (40 + i)).status()).isEqualTo(200);
        }
        // +1: our own connection that reads the counter.
        assertThat(labapp.LabHttp.dbStatus(lab, "Connections") - before).isGreaterThanOrEqualTo(11);
    }

    @Test
    void theNoCacheAppsStatsAreJsonWithItsOwnCountersAndOtherMethodsAreJsonErrors() {
        get(lab.baselineUrl() + "/product/1");
        Answer s = get(lab.baselineUrl() + "/stats");
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.json().get("cache_used").asBoolean()).isFalse();
        assertThat(s.json().get("app_requests").asLong()).isPositive();
        assertThat(s.json().get("db_queries").asLong()).isPositive();

        Answer post = labapp.LabHttp.post(lab.cacheUrl() + "/product/1");
        assertThat(post.status()).isBetween(404, 405);
        assertThat(post.json()).as("JSON body for POST /product/1: " + post.body()).isNotNull();
    }
}
