package labapp.http;

import static labapp.LabHttp.delete;
import static labapp.LabHttp.get;
import static labapp.LabHttp.post;
import static labapp.LabHttp.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import labapp.EmbeddedLab;
import labapp.LabHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The seed's extension challenges 1-3: write-through, cache warming, invalidation. */
class ExtensionsTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static String dbValue(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void putWritesTheDatabaseThenTheCacheSoTheNextReadIsAFreshHit() throws Exception {
        get(lab.cacheUrl() + "/product/30");
        Answer updated = put(lab.cacheUrl() + "/product/30", "{\"price\": 12.34, \"name\": \"Renamed\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("product").get("price").decimalValue()).isEqualByComparingTo("12.34");
        assertThat(dbValue("SELECT CONCAT(name, '|', price) FROM products WHERE id = 30")).isEqualTo("Renamed|12.34");
        try (Jedis r = new Jedis(lab.redisHost(), lab.redisPort())) {
            assertThat(r.get("product:30")).contains("\"name\":\"Renamed\"").contains("12.34");
            assertThat(r.ttl("product:30")).isBetween(3500L, 3600L);
        }
        Answer read = get(lab.cacheUrl() + "/product/30");
        assertThat(read.json().get("cache_status").asText()).isEqualTo("HIT");
        assertThat(read.json().get("product").get("name").asText()).isEqualTo("Renamed");
        assertThat(read.json().get("product").get("description").asText()).isEqualTo("Description for product 30");
    }

    @Test
    void putCreatesAMissingProductEvenRightAfterIt404d() {
        assertThat(get(lab.cacheUrl() + "/product/5000").status()).isEqualTo(404);
        Answer created = put(lab.cacheUrl() + "/product/5000", "{\"name\":\"Webcam\",\"price\":59.5}");
        assertThat(created.status()).isEqualTo(201);
        Answer read = get(lab.cacheUrl() + "/product/5000");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("product").get("name").asText()).isEqualTo("Webcam");
    }

    @Test
    void putRejectsABadBodyWithJson400() {
        for (String body : new String[] {"", "not json", "{\"price\": -1}", "{\"colour\": \"red\"}", "{}",
                "{\"name\": \"x\"}"}) {
            String url = lab.cacheUrl() + "/product/" + (body.equals("{\"name\": \"x\"}") ? 6000 : 31);
            Answer a = put(url, body);
            assertThat(a.status()).as("PUT body '%s'", body).isEqualTo(400);
            assertThat(a.json()).isNotNull();
        }
    }

    @Test
    void deleteRemovesTheRowAndTheKeyThenTheIdIs404() throws Exception {
        get(lab.cacheUrl() + "/product/32");
        Answer deleted = delete(lab.cacheUrl() + "/product/32");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(dbValue("SELECT COUNT(*) FROM products WHERE id = 32")).isEqualTo("0");
        try (Jedis r = new Jedis(lab.redisHost(), lab.redisPort())) {
            assertThat(r.exists("product:32")).isFalse();
        }
        assertThat(get(lab.cacheUrl() + "/product/32").status()).isEqualTo(404);
        assertThat(delete(lab.cacheUrl() + "/product/32").status()).isEqualTo(404);
    }

    @Test
    void warmingCachesTheTopNByViewsWithTheTtl() throws Exception {
        try (Jedis r = new Jedis(lab.redisHost(), lab.redisPort())) {
            r.flushAll();
            Answer warmed = post(lab.cacheUrl() + "/cache/warm?top=100");
            assertThat(warmed.status()).isEqualTo(200);
            assertThat(warmed.json().get("warmed").asInt()).isEqualTo(100);

            List<String> top = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM products ORDER BY views DESC, id LIMIT 100")) {
                while (rs.next()) {
                    top.add("product:" + rs.getInt(1));
                }
            }
            assertThat(r.keys("product:*")).containsExactlyInAnyOrderElementsOf(top);
            assertThat(r.ttl(top.get(0))).isBetween(3500L, 3600L);
        }
        try (Jedis r = new Jedis(lab.redisHost(), lab.redisPort())) {
            String first = r.keys("product:*").iterator().next().substring("product:".length());
            assertThat(get(lab.cacheUrl() + "/product/" + first).json().get("cache_status").asText()).isEqualTo("HIT");
        }
        assertThat(post(lab.cacheUrl() + "/cache/warm?top=0").status()).isEqualTo(400);
        assertThat(post(lab.baselineUrl() + "/cache/warm").status()).isEqualTo(404);
    }

    @Test
    void theNoCacheAppWritesOnlyTheDatabase() throws Exception {
        Answer a = put(lab.baselineUrl() + "/product/33", "{\"views\": 7}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(dbValue("SELECT views FROM products WHERE id = 33")).isEqualTo("7");
        try (Jedis r = new Jedis(lab.redisHost(), lab.redisPort())) {
            assertThat(r.exists("product:33")).isFalse();
        }
    }
}
