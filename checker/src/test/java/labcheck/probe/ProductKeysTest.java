package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import labcheck.evidence.app.KeyScheme;
import labcheck.evidence.app.RequestTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Finding the app's product keys in a real Redis, with the app's writes made by the test between
 * {@code beforeRequest} and {@code afterRequest}, as a request would make them.
 */
class ProductKeysTest {

    @RegisterExtension
    static final PrivateRedis REDIS = new PrivateRedis();
    private final List<String> notes = new ArrayList<>();

    private static Jedis app(int db) {
        return REDIS.client(db);
    }

    private static RedisReader reader() {
        return REDIS.reader();
    }

    private static JsonNode product(int id) throws Exception {
        return Json.MAPPER.readTree("{\"id\":" + id + ",\"name\":\"Product " + id + "\"}");
    }

    /** What the tracer saw of the lab's key around a request that wrote elsewhere: absent before and after. */
    private static final RequestTrace LAB_KEY_NEVER_APPEARED = new RequestTrace(false, 1L, false, 1L);

    @Test
    void theLabsKeyAppearingOnAMissSettlesItWithoutAnySearch() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(0)) {
            ProductKeys keys = new ProductKeys(r, notes);
            keys.beforeRequest();
            app.setex("product:42", 3600, product(42).toString());

            assertThat(keys.afterRequest(42, new RequestTrace(false, 1L, true, 2L), product(42)))
                    .isEqualTo(ProductKeys.Next.KEEP);
            assertThat(keys.scheme().lab()).isTrue();
            assertThat(keys.scheme().foundBy()).isEqualTo(KeyScheme.APPEARED);
            assertThat(keys.scheme().type()).isEqualTo("string");
            assertThat(notes).isEmpty();
        }
    }

    @Test
    void aKeyNamedAfterTheIdInAnotherDatabaseHoldingThatProductBecomesTheScheme() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(6)) {
            ProductKeys keys = new ProductKeys(r, notes);
            keys.beforeRequest();
            app.setex("shop:p:42:json", 3600, product(42).toString());

            assertThat(keys.afterRequest(42, LAB_KEY_NEVER_APPEARED, product(42))).isEqualTo(ProductKeys.Next.RESCHEME);
            assertThat(keys.scheme().where()).isEqualTo("shop:p:<id>:json in db 6");
            assertThat(keys.key(7)).isEqualTo("shop:p:7:json");
            assertThat(r.db()).as("the reader now reads the app's database").isEqualTo(6);
        }
    }

    /**
     * Two requests, for products 42 and 43, each writing one key whose value does not name its
     * product (so no name search can confirm it): the first asks for a listing around the second;
     * returns what the second decided.
     */
    private ProductKeys.Next twoRequestsWriting(ProductKeys keys, Jedis app, String first, String second)
            throws Exception {
        keys.beforeRequest();
        app.setex(first, 3600, "{\"name\":\"Product 42\"}");
        assertThat(keys.afterRequest(42, LAB_KEY_NEVER_APPEARED, product(42))).isEqualTo(ProductKeys.Next.DIFF_NEXT);
        keys.beforeRequest();
        app.setex(second, 3600, "{\"name\":\"Product 43\"}");
        return keys.afterRequest(43, LAB_KEY_NEVER_APPEARED, product(43));
    }

    @Test
    void whenNoKeyNamesTheIdTheKeyThatAppearsAroundTheNextRequestIsTaken() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(0)) {
            ProductKeys keys = new ProductKeys(r, notes);

            assertThat(twoRequestsWriting(keys, app, "cache-42", "cache-43")).isEqualTo(ProductKeys.Next.RESCHEME);
            assertThat(keys.scheme().pattern()).isEqualTo("cache-<id>");
            assertThat(keys.scheme().foundBy()).isEqualTo(KeyScheme.APPEARED);
        }
    }

    @Test
    void aKeyThatDoesNotNameTheIdIsReportedAndTheLabsNameKept() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(0)) {
            ProductKeys keys = new ProductKeys(r, notes);

            assertThat(twoRequestsWriting(keys, app, "c:9f86d081", "c:4e07408c")).isEqualTo(ProductKeys.Next.KEEP);
            assertThat(keys.scheme()).isEqualTo(KeyScheme.LAB_GUESS);
            assertThat(notes).singleElement().asString().contains("the keys [c:4e07408c (db 0)] appeared, but none"
                    + " names the id").contains("look for the lab's product:<id>");
        }
    }

    @Test
    void anAppThatWritesNothingLeavesTheLabsNameWithTheReason() throws Exception {
        try (RedisReader r = reader()) {
            ProductKeys keys = new ProductKeys(r, notes);
            keys.beforeRequest();

            assertThat(keys.afterRequest(42, LAB_KEY_NEVER_APPEARED, product(42))).isEqualTo(ProductKeys.Next.KEEP);
            assertThat(keys.scheme().observed()).isFalse();
            assertThat(notes).singleElement().asString().startsWith("No key was added to any Redis database during"
                    + " the first request for product 42");
            // the search is not repeated for the next ids
            assertThat(keys.afterRequest(43, LAB_KEY_NEVER_APPEARED, product(43))).isEqualTo(ProductKeys.Next.KEEP);
            assertThat(notes).hasSize(1);
        }
    }

    @Test
    void aCacheWarmedUnderAnotherNameIsFoundBeforeTheFirstRequestAndAnEmptyRedisCostsNothing() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(2)) {
            ProductKeys empty = new ProductKeys(r, notes);
            empty.beforeRequests(() -> List.of(523, 41));
            assertThat(empty.scheme()).isEqualTo(KeyScheme.LAB_GUESS);
            assertThat(r.ownLookups()).containsExactly(0, 0);

            for (int id = 1; id <= 600; id++) {
                app.hset("item:" + id, java.util.Map.of("id", String.valueOf(id), "name", "Product " + id));
            }
            ProductKeys keys = new ProductKeys(r, notes);
            keys.beforeRequests(() -> List.of(523, 41));

            assertThat(keys.scheme().where()).isEqualTo("item:<id> in db 2");
            assertThat(keys.scheme().foundBy()).isEqualTo(KeyScheme.NAMED);
            assertThat(keys.scheme().type()).isEqualTo("hash");
            assertThat(keys.uncached(List.of(5, 700))).containsExactly(700);
        }
    }

    @Test
    void aKeyOfTheLabsNameHoldingAnotherProductDoesNotSettleTheSchemeBeforeTheFirstRequest() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(0)) {
            app.set("product:523", "{\"id\":1}");
            ProductKeys keys = new ProductKeys(r, notes);
            keys.beforeRequests(() -> List.of(523));
            assertThat(keys.scheme().observed()).isFalse();

            app.set("product:523", product(523).toString());
            keys.beforeRequests(() -> List.of(523));
            assertThat(keys.scheme().lab()).isTrue();
            assertThat(keys.scheme().foundBy()).isEqualTo(KeyScheme.NAMED);
        }
    }

    @Test
    void theResetDeletesOnlyKeysHoldingTheProductOfTheirId() throws Exception {
        try (RedisReader r = reader(); Jedis app = app(0)) {
            app.set("product:1", product(1).toString());
            app.set("product:2", "{\"id\":999}");
            app.set("product:3", product(3).toString());
            app.set("product:4", product(4).toString());
            ProductKeys keys = new ProductKeys(r, notes);

            assertThat(keys.reset(List.of(1, 2, 3, 4), 2)).containsExactly("product:1", "product:3");
            assertThat(app.exists("product:1")).isFalse();
            assertThat(app.get("product:2")).isEqualTo("{\"id\":999}");
            assertThat(app.exists("product:4")).isTrue();
        }
    }
}
