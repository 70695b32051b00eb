package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What Redis held for the probed ids, read by the probe after its window (so its own
 * reads never move the app's {@code /stats} counters inside the window).
 *
 * @param endpoint the Redis host:port read (no credentials)
 * @param keys     one per probed id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedisKeysProbe(String endpoint, List<KeyState> keys) {

    public RedisKeysProbe {
        keys = List.copyOf(keys);
    }

    /** Each probed key's TTL as Redis reported it (-1 no expiry, -2 no such key), for the judge. */
    public String describeTtls() {
        return "TTL on " + endpoint + ": " + keys.stream().map(k -> k.key() + "=" + k.ttlSeconds()).toList();
    }

    /**
     * @param key            {@code product:<id>}
     * @param exists         EXISTS after the MISS
     * @param ttlSeconds     TTL: -1 no expiry, -2 no such key
     * @param matchesProduct whether GET parsed to the product the app served
     * @param value          the stored value (capped), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyState(int id, String key, boolean exists, long ttlSeconds, boolean matchesProduct,
                           String value) {
    }
}
