package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

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
 * @param observedBypasses MISS answers inside the window to requests that never reached Redis (key absent
 *                        before and after, no lookup by the app in Redis's own counters): honest misses
 *                        Redis cannot count; 0 when not traced (older bundles)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                          int observedUnknown, StatsSnapshot redisBefore, StatsSnapshot redisAfter,
                          int probeHits, int probeMisses, int observedBypasses) {

    /** A window without requests known to bypass Redis. */
    public StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                       int observedUnknown, StatsSnapshot redisBefore, StatsSnapshot redisAfter,
                       int probeHits, int probeMisses) {
        this(before, after, observedHits, observedMisses, observedUnknown, redisBefore, redisAfter, probeHits,
                probeMisses, 0);
    }

    /** A window with only the app's {@code /stats} and its labels (Redis not read). */
    public StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                       int observedUnknown) {
        this(before, after, observedHits, observedMisses, observedUnknown, null, null, 0, 0, 0);
    }

    /** Whether Redis's own counters were read around the same window. */
    public boolean redisRead() {
        return redisBefore != null && redisAfter != null;
    }

    /** Keyspace hits Redis itself counted in the window, the probe's own EXISTS included. */
    public long redisHits() {
        return redisAfter.keyspaceHits() - redisBefore.keyspaceHits();
    }

    /** Keyspace misses Redis itself counted in the window, the probe's own EXISTS included. */
    public long redisMisses() {
        return redisAfter.keyspaceMisses() - redisBefore.keyspaceMisses();
    }

    /** Keyspace hits Redis itself counted in the window, the probe's own EXISTS left out. */
    public long redisAppHits() {
        return redisHits() - probeHits;
    }

    /** Keyspace misses Redis itself counted in the window, the probe's own EXISTS left out. */
    public long redisAppMisses() {
        return redisMisses() - probeMisses;
    }

    /** Lookups Redis itself counted in the window (the probe's own included, as {@code /stats} sees them). */
    public long redisDelta() {
        return redisHits() + redisMisses();
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

    /**
     * The hit ratio the labels claim for the requests that reached Redis, in percent: what Redis's
     * own counters can be compared with (a MISS that never asked Redis is not a keyspace miss);
     * NaN when there is none.
     */
    public double observedRatioReachingRedisPercent() {
        int total = observedHits + observedMisses - observedBypasses;
        return total <= 0 ? Double.NaN : observedHits * 100.0 / total;
    }

    /** The app's {@code /stats} over the window and what the probe saw in it, for the judge. */
    public String describe() {
        int observed = observedHits + observedMisses;
        return "/stats before: hits " + before.keyspaceHits() + ", misses " + before.keyspaceMisses() + "; after: hits "
                + after.keyspaceHits() + ", misses " + after.keyspaceMisses() + "; window delta: " + deltaHits()
                + " hits, " + deltaMisses() + " misses" + (deltaHits() + deltaMisses() > 0 ? " ("
                + percent(windowRatioPercent()) + ")" : "") + "; the probe observed " + observedHits + " HIT and "
                + observedMisses + " MISS" + (observed > 0 ? " (" + percent(observedRatioPercent()) + ")" : "")
                + (observedBypasses == 0 ? "" : ", " + observedBypasses + " of the MISS to requests that never reached"
                + " Redis")
                + "; lifetime hit_ratio_percent " + after.hitRatioPercent() + " (shown, not graded)";
    }

    /** Redis's own counters over the window, the probe's lookups told apart; only when {@link #redisRead()}. */
    public String describeRedis() {
        long appLookups = redisAppHits() + redisAppMisses();
        return "Redis INFO over the same window: " + redisHits() + " hits, " + redisMisses() + " misses, of them "
                + probeHits + " and " + probeMisses + " from labcheck's own EXISTS; the app's own lookups: "
                + redisAppHits() + " hits, " + redisAppMisses() + " misses"
                + (appLookups > 0 ? " (" + percent(redisRatioPercent()) + ")" : "");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
