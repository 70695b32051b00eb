package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code /stats} read before and after the probe's window, and what the probe itself saw
 * in that window.
 *
 * @param before          the first read (its lifetime ratio is shown, never trusted alone)
 * @param after           the second read
 * @param observedHits    HIT answers the probe received inside the window
 * @param observedMisses  MISS answers the probe received inside the window
 * @param observedUnknown cache-app answers inside the window without a usable cache_status
 * @param redisBefore     Redis's own INFO stats read by the probe right after the first {@code /stats},
 *                        or null when Redis was not readable from here (or an older bundle)
 * @param redisAfter      the same, right after the second {@code /stats}
 * @param probeHits       keyspace hits the probe's own EXISTS caused inside the window
 * @param probeMisses     keyspace misses the probe's own EXISTS caused inside the window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                          int observedUnknown, StatsSnapshot redisBefore, StatsSnapshot redisAfter,
                          int probeHits, int probeMisses) {

    /** A window with only the app's {@code /stats} and its labels (Redis not read). */
    public StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                       int observedUnknown) {
        this(before, after, observedHits, observedMisses, observedUnknown, null, null, 0, 0);
    }

    /** Whether Redis's own counters were read around the same window. */
    public boolean redisRead() {
        return redisBefore != null && redisAfter != null;
    }

    /** Keyspace hits Redis itself counted in the window, the probe's own EXISTS left out. */
    public long redisAppHits() {
        return redisAfter.keyspaceHits() - redisBefore.keyspaceHits() - probeHits;
    }

    /** Keyspace misses Redis itself counted in the window, the probe's own EXISTS left out. */
    public long redisAppMisses() {
        return redisAfter.keyspaceMisses() - redisBefore.keyspaceMisses() - probeMisses;
    }

    /** Lookups Redis itself counted in the window (the probe's own included, as {@code /stats} sees them). */
    public long redisDelta() {
        return redisAfter.keyspaceHits() - redisBefore.keyspaceHits()
                + redisAfter.keyspaceMisses() - redisBefore.keyspaceMisses();
    }

    /** The app's hit ratio in the window by Redis's own counters, in percent; NaN when none. */
    public double redisRatioPercent() {
        long total = redisAppHits() + redisAppMisses();
        return total <= 0 ? Double.NaN : redisAppHits() * 100.0 / total;
    }

    public long deltaHits() {
        return after.keyspaceHits() - before.keyspaceHits();
    }

    public long deltaMisses() {
        return after.keyspaceMisses() - before.keyspaceMisses();
    }

    /** The hit ratio of the window from the counters' deltas, in percent; NaN when they did not move. */
    public double windowRatioPercent() {
        long total = deltaHits() + deltaMisses();
        return total <= 0 ? Double.NaN : deltaHits() * 100.0 / total;
    }

    /** The hit ratio the probe itself observed, in percent; NaN when it saw no HIT or MISS. */
    public double observedRatioPercent() {
        int total = observedHits + observedMisses;
        return total == 0 ? Double.NaN : observedHits * 100.0 / total;
    }
}
