package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What Redis held for the probed ids, read by the probe after its window (so its own
 * reads never move the app's {@code /stats} counters inside the window).
 *
 * @param endpoint the Redis host:port read (no credentials)
 * @param keys     one per probed id
 * @param coverage which product ids had a key after the probe, when some probed id was never cached
 *                 (a survey with EXISTS of every id); null when not surveyed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedisKeysProbe(String endpoint, List<KeyState> keys, Coverage coverage) {

    public RedisKeysProbe {
        keys = List.copyOf(keys);
    }

    /** The keys of the probed ids, without a survey. */
    public RedisKeysProbe(String endpoint, List<KeyState> keys) {
        this(endpoint, keys, null);
    }

    /** Each probed key's TTL as Redis reported it (-1 no expiry, -2 no such key), for the judge. */
    public String describeTtls() {
        return "TTL on " + endpoint + ": " + keys.stream().map(k -> k.key() + "=" + k.ttlSeconds()).toList();
    }

    /**
     * @param key            the product's key under the app's scheme, e.g. {@code product:<id>}
     * @param exists         EXISTS after the MISS
     * @param ttlSeconds     TTL: -1 no expiry, -2 no such key
     * @param matchesProduct whether the value (read with the command its type needs) holds the product the
     *                       app served
     * @param value          the stored value (capped; a hash as a JSON object of its fields), or null
     * @param type           the key's Redis type ({@code string}, {@code hash}, {@code ReJSON-RL}, ...), or null
     * @param problem        why the value could not be read (e.g. no RedisJSON module for JSON.GET), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyState(int id, String key, boolean exists, long ttlSeconds, boolean matchesProduct,
                           String value, String type, String problem) {

        /** A key read as a string. */
        public KeyState(int id, String key, boolean exists, long ttlSeconds, boolean matchesProduct, String value) {
            this(id, key, exists, ttlSeconds, matchesProduct, value, null, null);
        }

        /** The value as the judge reads it: its type when not a string, or why it could not be read. */
        public String shown() {
            if (problem != null) {
                return "a " + type + " that could not be read (" + problem + ")";
            }
            return type == null || "string".equals(type) ? value : "a " + type + " " + value;
        }
    }

    /**
     * Which product ids had a key after the probe, of {@code 1..surveyed}.
     *
     * @param surveyed the highest id looked up (every id from 1)
     * @param cached   the ids with a key, as ranges, e.g. {@code 1-100, 417}; empty when none
     * @param uncached the ids without one, as ranges, e.g. {@code 101-416, 418-1005}
     * @param count    how many ids had a key
     */
    public record Coverage(int surveyed, String cached, String uncached, int count) {

        /** The survey as a clause, e.g. "after the probe Redis held keys for ids 1-100 only; ids 101-1005 had none". */
        public String describe() {
            return count == 0 ? "after the probe Redis held no product key for any id of 1-" + surveyed
                    : "after the probe Redis held keys for ids " + cached + " only (" + count + " of 1-" + surveyed
                    + "); ids " + uncached + " had none";
        }
    }
}
