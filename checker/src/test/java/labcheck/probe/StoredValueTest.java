package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** A product stored the ways students store it, read from real Redis with the command each type needs. */
class StoredValueTest {

    /** A logical database of its own in the shared test Redis, emptied around each test. */
    private static final int DB = 9;

    private static final String PRODUCT = "{\"id\":42,\"name\":\"Product 37\",\"price\":123.45,"
            + "\"description\":\"Description for product 37\",\"views\":17}";

    private Jedis writer;
    private RedisReader reader;

    @BeforeEach
    void connect() {
        Backends b = Backends.get();
        writer = new Jedis("127.0.0.1", b.redisPort);
        writer.select(DB);
        writer.flushDB();
        reader = RedisReader.connect(RedisTarget.of("127.0.0.1", b.redisPort, false), Duration.ofSeconds(5)).reader();
        reader.select(DB);
    }

    @AfterEach
    void close() {
        writer.flushDB();
        writer.close();
        reader.close();
    }

    private static JsonNode product() throws Exception {
        return Json.MAPPER.readTree(PRODUCT);
    }

    @Test
    void aJsonStringHoldsTheProductItIsTheJsonOf() throws Exception {
        writer.setex("product:42", 3600, PRODUCT);

        StoredValue v = StoredValue.read(reader, "product:42");

        assertThat(v.type()).isEqualTo("string");
        assertThat(v.holds(product())).isTrue();
        assertThat(v.holdsId(42)).isTrue();
        assertThat(v.holdsId(43)).isFalse();
    }

    @Test
    void aHashHoldsTheProductWhenEveryFieldMatchesItsNumbersAsText() throws Exception {
        writer.hset("product:42", Map.of("id", "42", "name", "Product 37", "price", "123.450",
                "description", "Description for product 37", "views", "17", "cached_at", "2026-12-03"));

        StoredValue v = StoredValue.read(reader, "product:42");

        assertThat(v.type()).isEqualTo("hash");
        assertThat(v.problem()).isNull();
        assertThat(v.holds(product())).isTrue();
        assertThat(v.holdsId(42)).isTrue();
        assertThat(v.product().get("price").asText()).isEqualTo("123.450");
    }

    @Test
    void aHashMissingAFieldOrWithAnotherPriceDoesNotHoldTheProduct() throws Exception {
        writer.hset("p:42", Map.of("id", "42", "name", "Product 37", "price", "99.00",
                "description", "Description for product 37", "views", "17"));
        writer.hset("q:42", Map.of("id", "42", "name", "Product 37"));

        assertThat(StoredValue.read(reader, "p:42").holds(product())).isFalse();
        assertThat(StoredValue.read(reader, "q:42").holds(product())).isFalse();
    }

    @Test
    void theLabsWholeAnswerOrAJsonFieldOfAHashHoldsTheProductToo() throws Exception {
        writer.set("answer:42", "{\"product\":" + PRODUCT + ",\"cache_status\":\"MISS\"}");
        writer.hset("doc:42", "data", PRODUCT);

        assertThat(StoredValue.read(reader, "answer:42").holds(product())).isTrue();
        assertThat(StoredValue.read(reader, "answer:42").holdsId(42)).isTrue();
        assertThat(StoredValue.read(reader, "doc:42").holds(product())).isTrue();
    }

    @Test
    void listsSetsAndSortedSetsAreReadByTheirOwnCommands() throws Exception {
        writer.rpush("l:42", PRODUCT);
        writer.sadd("s:42", PRODUCT);
        writer.zadd("z:42", 1, PRODUCT);

        for (String key : new String[] {"l:42", "s:42", "z:42"}) {
            StoredValue v = StoredValue.read(reader, key);
            assertThat(v.problem()).as(key).isNull();
            assertThat(v.holds(product())).as(key).isTrue();
        }
        assertThat(StoredValue.read(reader, "l:42").type()).isEqualTo("list");
    }

    @Test
    void anAbsentKeyAndPlainTextHoldNothing() throws Exception {
        writer.set("text:42", "Product 37");

        assertThat(StoredValue.read(reader, "nothing:42").exists()).isFalse();
        assertThat(StoredValue.read(reader, "text:42").holds(product())).isFalse();
        assertThat(StoredValue.read(reader, "text:42").shown(300)).isEqualTo("Product 37");
    }

    @Test
    void withoutTheRedisJsonModuleJsonGetIsTheValuesProblemNotAnUnreachableRedis() {
        writer.set("product:42", PRODUCT);

        // this Redis has no RedisJSON: what a document would be read with is refused, and said so
        StoredValue v = StoredValue.json(reader, "product:42");

        assertThat(v.type()).isEqualTo("ReJSON-RL");
        assertThat(v.value()).isNull();
        assertThat(v.problem()).contains("JSON.GET is not available on this Redis (the RedisJSON module is not"
                + " loaded");
    }

    @Test
    void everyReadOfAKeyIsCountedAsRedisCountsItsKeyspaceHitsAndMisses() {
        writer.hset("product:42", Map.of("id", "42"));
        long[] before = reader.keyspace();
        long[] ownBefore = reader.ownLookups();

        StoredValue.read(reader, "product:42");
        StoredValue.read(reader, "product:43");
        reader.existsAll(java.util.List.of("product:42", "product:44"));
        reader.existsAndCounters("product:42", true);

        long[] after = reader.keyspace();
        long[] own = reader.ownLookups();
        assertThat(own[0] - ownBefore[0]).isEqualTo(after[0] - before[0]);
        assertThat(own[1] - ownBefore[1]).isEqualTo(after[1] - before[1]);
    }
}
