package labcheck.probe;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * How hard and how long the probe works, and whether it may write. {@link #DEFAULTS} are the
 * seed's; change one with its {@code with...} method (generated).
 *
 * <pre>{@code
 * Limits l = Limits.DEFAULTS.withRequestsPerApp(200).withConcurrency(100).withBudget(Duration.ofSeconds(120));
 * }</pre>
 *
 * @param requestsPerApp requests per app in the timing comparison ({@link #REQUESTS_PER_APP}; default 100)
 * @param warmupPerApp   requests per app sent before those counted (default 10)
 * @param lazyIds        not-yet-cached ids the lazy-loading probe requests (1 to 100; default 5)
 * @param maxProductId   the highest product id assumed to exist when the database cannot be asked (default 1005)
 * @param concurrency    requests in flight for the load test; 0 skips it (at most {@link #MAX_CONCURRENCY})
 * @param loadDuration   how long the load test runs (default 10 s)
 * @param budget         the whole probe's time (default 60 s); no app can hold the probe past it
 * @param requestTimeout one request's limit, headers and body together (default 5 s)
 * @param connectTimeout one connection's limit (default 3 s)
 * @param maxBodyBytes   bytes read of one body at most (default 256 KiB)
 * @param writeProbes    whether to try PUT and DELETE (they change data, then put it back; default true)
 * @param resetKeys      whether, when every product chosen is already cached, the probe may delete a few of
 *                       the app's product keys to observe a miss (the rubric's {@code resetCachedProductKeys};
 *                       default false: labcheck does not delete student keys)
 */
// changed a part at a time (withRedis, withBudget): withers on, whatever the build's default for records
@RecordBuilder
@RecordBuilder.Options(enableWither = true, enableGetters = false, addStaticBuilder = false)
public record Limits(int requestsPerApp, int warmupPerApp, int lazyIds, int maxProductId, int concurrency,
                     Duration loadDuration, Duration budget, Duration requestTimeout, Duration connectTimeout,
                     int maxBodyBytes, boolean writeProbes, boolean resetKeys) implements LimitsBuilder.With {

    /** The most requests the load test keeps in flight (the lab's extension asks for 1000). */
    public static final int MAX_CONCURRENCY = 1000;

    /**
     * The requests per app the timing comparison accepts: fewer than 5 pairs show no saving a judge could
     * trust, more than 100,000 is a typo. The one source of these bounds: the rubric's {@code requestsPerApp}
     * and {@code --requests} are checked against them, so what validates is what the probe runs.
     */
    public static final Bounds REQUESTS_PER_APP = new Bounds("requestsPerApp", 5, 100_000);
    /** Requests in flight for the load test; 0 skips it. */
    public static final Bounds CONCURRENCY = new Bounds("concurrency", 0, MAX_CONCURRENCY);

    /** The whole numbers from {@code min} to {@code max} that a limit named {@code name} accepts. */
    public record Bounds(String name, int min, int max) {

        public boolean contains(int value) {
            return value >= min && value <= max;
        }

        /** {@code min..max}, as messages write a range. */
        @Override
        public String toString() {
            return min + ".." + max;
        }

        void require(int value) {
            if (!contains(value)) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
        }
    }

    /** The seed's limits. */
    public static final Limits DEFAULTS = new Limits(100, 10, 5, 1005, 0, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(3), 256 * 1024, true, false);

    public Limits {
        REQUESTS_PER_APP.require(requestsPerApp);
        new Bounds("warmupPerApp", 0, 10_000).require(warmupPerApp);
        new Bounds("lazyIds", 1, 100).require(lazyIds);
        new Bounds("maxProductId", 10, Integer.MAX_VALUE).require(maxProductId);
        CONCURRENCY.require(concurrency);
        requirePositive(loadDuration, "loadDuration");
        requirePositive(budget, "budget");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        new Bounds("maxBodyBytes", 1024, 64 << 20).require(maxBodyBytes);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
