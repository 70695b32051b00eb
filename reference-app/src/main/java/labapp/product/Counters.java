package labapp.product;

import java.util.concurrent.atomic.LongAdder;

/** The app's own product counters since start (reported by {@code /stats} beside Redis's). */
public final class Counters {
    private final LongAdder requests = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    void hit() {
        requests.increment();
        hits.increment();
    }

    void miss() {
        requests.increment();
        misses.increment();
    }

    void other() {
        requests.increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
