package labapp.product;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids recently found missing in the database, remembered for a short time so that a hot
 * missing id (a crawler, a broken link, a probe) is answered 404 without a query each time.
 * Bounded: past {@code MAX} entries it is cleared rather than grown.
 */
final class MissingIds {
    private static final int MAX = 10_000;
    private final ConcurrentHashMap<Integer, Long> expiries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    MissingIds(int ttlSeconds) {
        this.ttlNanos = ttlSeconds * 1_000_000_000L;
    }

    boolean contains(int id) {
        Long until = expiries.get(id);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        expiries.remove(id, until);
        return false;
    }

    void add(int id) {
        if (ttlNanos <= 0) {
            return;
        }
        if (expiries.size() >= MAX) {
            expiries.clear();
        }
        expiries.put(id, System.nanoTime() + ttlNanos);
    }

    void forget(int id) {
        expiries.remove(id);
    }
}
