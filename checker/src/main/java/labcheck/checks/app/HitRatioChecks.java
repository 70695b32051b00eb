package labcheck.checks.app;

import labcheck.engine.Check;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.StatsWindow;
import labcheck.rubric.Thresholds;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 7: the cache hit ratio, in the probe's own window. */
public class HitRatioChecks {

    /** Window ratio and observed ratio may differ by this many percentage points (other clients' lookups). */
    static final double RATIO_AGREEMENT_POINTS = 5.0;

    @Check(id = "app_hit_ratio_in_window",
            title = "The hit ratio in the probe's window reaches the threshold, and /stats agrees with what was observed",
            remediation = "Make /stats read Redis's INFO stats (keyspace_hits, keyspace_misses) on every call, and "
                    + "serve repeated ids from the cache; a lifetime ratio alone proves nothing.")
    void hitRatio(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        StatsWindow w = AppFacts.require(app.stats());
        int observed = w.observedHits() + w.observedMisses();
        long delta = w.deltaHits() + w.deltaMisses();
        String figures = "/stats before: hits " + w.before().keyspaceHits() + ", misses " + w.before().keyspaceMisses()
                + "; after: hits " + w.after().keyspaceHits() + ", misses " + w.after().keyspaceMisses()
                + "; window delta: " + w.deltaHits() + " hits, " + w.deltaMisses() + " misses"
                + (delta > 0 ? " (" + AppFacts.pct(w.windowRatioPercent()) + ")" : "")
                + "; the probe observed " + w.observedHits() + " HIT and " + w.observedMisses() + " MISS"
                + (observed > 0 ? " (" + AppFacts.pct(w.observedRatioPercent()) + ")" : "")
                + "; lifetime hit_ratio_percent " + w.after().hitRatioPercent() + " (shown, not graded)";
        AppFacts.details(reporter, figures);
        if (observed == 0) {
            Assertions.fail("No request to " + app.appUrl() + "/product/{id} answered cache_status HIT or MISS during "
                    + "the probe's window, so its hit ratio cannot be measured; fix the product route first.");
        }
        if (delta <= 0) {
            Assertions.fail("The /stats counters on " + app.appUrl() + " did not move during the probe's " + observed
                    + " cache lookups (" + figures + "); /stats must read keyspace_hits and keyspace_misses from "
                    + "Redis INFO stats on every call, not return fixed numbers.");
        }
        int tolerance = Math.max(2, observed / 50) + w.observedUnknown();
        if (delta < observed - tolerance) {
            Assertions.fail("The /stats counters on " + app.appUrl() + " moved by " + delta + " lookups while the "
                    + "probe made " + observed + " (" + figures + "); /stats must report Redis INFO stats live.");
        }
        if (Math.abs(w.windowRatioPercent() - w.observedRatioPercent()) > RATIO_AGREEMENT_POINTS) {
            Assertions.fail("/stats on " + app.appUrl() + " gives a window hit ratio of "
                    + AppFacts.pct(w.windowRatioPercent()) + ", but the app's own cache_status answers give "
                    + AppFacts.pct(w.observedRatioPercent()) + " (" + figures + "); they must agree within "
                    + RATIO_AGREEMENT_POINTS + " points: cache_status or /stats does not reflect what Redis did.");
        }
        if (w.windowRatioPercent() < thresholds.hitRatioPercent()) {
            Assertions.fail("The cache hit ratio on " + app.appUrl() + " during the probe's window was "
                    + AppFacts.pct(w.windowRatioPercent()) + " (" + figures + "); expected at least "
                    + AppFacts.pct(thresholds.hitRatioPercent()) + ": repeated requests for a product must be HITs.");
        }
    }
}
