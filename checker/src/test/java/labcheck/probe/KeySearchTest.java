package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** Bounded searches of a real Redis's keyspace, across its logical databases. */
class KeySearchTest {

    @RegisterExtension
    static final PrivateRedis REDIS = new PrivateRedis();

    private static RedisReader reader() {
        return REDIS.reader();
    }

    private static void set(int db, String... keys) {
        try (Jedis j = REDIS.client(db)) {
            for (String k : keys) {
                j.set(k, "{\"id\":1}");
            }
        }
    }

    @Test
    void keysNamedAfterAnIdAreFoundInAnyDatabaseAndOnlyAsAWholeNumber() {
        set(0, "session:1417", "product:4170", "views:417");
        set(4, "shop:product:417:v2");
        try (RedisReader r = reader()) {
            KeySearch.Result found = KeySearch.named(r, 417);

            assertThat(found.keys()).containsExactlyInAnyOrder(new KeySearch.DbKey(0, "views:417"),
                    new KeySearch.DbKey(4, "shop:product:417:v2"));
            assertThat(found.bound()).isNull();
            assertThat(r.db()).as("the reader is back in its database").isZero();
        }
    }

    @Test
    void anEmptyRedisHasNothingNamedAfterAnyId() {
        try (RedisReader r = reader()) {
            assertThat(KeySearch.named(r, 417).keys()).isEmpty();
            assertThat(KeySearch.all(r).keys()).isEmpty();
        }
    }

    @Test
    void theKeyThatAppearedIsTheDifferenceOfTwoListings() {
        set(2, "a", "b");
        try (RedisReader r = reader()) {
            KeySearch.Result before = KeySearch.all(r);
            set(2, "item_9");
            KeySearch.Result after = KeySearch.all(r);

            assertThat(KeySearch.appeared(before, after)).containsExactly(new KeySearch.DbKey(2, "item_9"));
        }
    }

    @Test
    void aKeyspaceLargerThanTheBoundIsSearchedOnlyUpToItAndTheBoundIsSaid() {
        try (Jedis j = REDIS.client(5)) {
            Pipeline p = j.pipelined();
            for (int i = 0; i < KeySearch.MAX_KEYS + 5000; i++) {
                p.set("k:" + i, "v");
            }
            p.sync();
        }
        try (RedisReader r = reader()) {
            KeySearch.Result found = KeySearch.all(r);

            assertThat(found.keys().size()).isLessThan(KeySearch.MAX_KEYS + 5000);
            assertThat(found.bound()).startsWith("the search of db 5 stopped after about ")
                    .contains("of its " + (KeySearch.MAX_KEYS + 5000) + " keys (labcheck's bound of");
        }
    }

    @Test
    void theIdIsCutOutOfAKeyAsPrefixAndSuffix() {
        assertThat(KeySearch.around("product:v2:417", 417)).containsExactly("product:v2:", "");
        assertThat(KeySearch.around("p417_json", 417)).containsExactly("p", "_json");
        assertThat(KeySearch.around("product:4170", 417)).isNull();
        assertThat(List.of(ProductKeys.ranges(new boolean[] {false, true, true, false, true, false}, true),
                ProductKeys.ranges(new boolean[] {false, true, true, false, true, false}, false)))
                .containsExactly("1-2, 4", "3, 5");
    }
}
