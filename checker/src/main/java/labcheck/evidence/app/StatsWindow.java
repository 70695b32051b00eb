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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsWindow(StatsSnapshot before, StatsSnapshot after, int observedHits, int observedMisses,
                          int observedUnknown) {

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
