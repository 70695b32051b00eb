package labcheck.checks.app;

import labcheck.engine.Check;
import labcheck.engine.Finding;
import labcheck.engine.Report;
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

    /** The window judged on Redis's own INFO counters: /stats must match them, labels must agree with them. */
    private static void byRedis(AppEvidence app, StatsWindow w, Thresholds thresholds, String figures,
                                TestReporter reporter) {
        long redisHits = w.redisAfter().keyspaceHits() - w.redisBefore().keyspaceHits();
        long redisMisses = w.redisAfter().keyspaceMisses() - w.redisBefore().keyspaceMisses();
        long appLookups = w.redisAppHits() + w.redisAppMisses();
        String redis = "Redis INFO over the same window: " + redisHits + " hits, " + redisMisses + " misses, of them "
                + w.probeHits() + " and " + w.probeMisses() + " from labcheck's own EXISTS; the app's own lookups: "
                + w.redisAppHits() + " hits, " + w.redisAppMisses() + " misses"
                + (appLookups > 0 ? " (" + AppFacts.pct(w.redisRatioPercent()) + ")" : "");
        Report.details(reporter, figures + "\n" + redis + ". Graded on Redis's counters; /stats and cache_status "
                + "are claims compared with them.");
        long delta = w.deltaHits() + w.deltaMisses();
        if (delta <= 0 && w.redisDelta() > 0) {
            Assertions.fail("The /stats counters on " + app.appUrl() + " did not move during the probe's window while "
                    + "Redis itself counted " + w.redisDelta() + " lookups (" + figures + "); /stats must read "
                    + "keyspace_hits and keyspace_misses from Redis INFO stats on every call, not return fixed numbers.");
        }
        long tolerance = Math.max(2, w.redisDelta() / 50);
        if (Math.abs(w.deltaHits() - redisHits) > tolerance || Math.abs(w.deltaMisses() - redisMisses) > tolerance) {
            Assertions.fail("/stats on " + app.appUrl() + " moved by " + w.deltaHits() + " hits and " + w.deltaMisses()
                    + " misses during the probe's window, but Redis INFO counted " + redisHits + " hits and "
                    + redisMisses + " misses over the same window; /stats must report Redis INFO stats live.");
        }
        if (appLookups <= 0) {
            Assertions.fail("Redis counted no lookups by " + app.appUrl() + " during the probe's window (" + redis
                    + "), so the app does not read the cache; GET /product/<id> must look up product:<id> first.");
        }
        int observed = w.observedHits() + w.observedMisses();
        if (observed > 0 && Math.abs(w.observedRatioPercent() - w.redisRatioPercent()) > RATIO_AGREEMENT_POINTS) {
            Finding.CACHE_STATUS_CONTRADICTED.raise(reporter);
            Assertions.fail("The app's cache_status answers on " + app.appUrl() + " claim a hit ratio of "
                    + AppFacts.pct(w.observedRatioPercent()) + " (" + w.observedHits() + " HIT, " + w.observedMisses()
                    + " MISS), but Redis itself counted " + AppFacts.pct(w.redisRatioPercent()) + " for the app's "
                    + "lookups; they must agree within " + RATIO_AGREEMENT_POINTS + " points: cache_status must say "
                    + "what Redis did.");
        }
        if (w.redisRatioPercent() < thresholds.hitRatioPercent()) {
            Assertions.fail("The cache hit ratio on " + app.appUrl() + " during the probe's window was "
                    + AppFacts.pct(w.redisRatioPercent()) + " by Redis's own counters (" + redis + "); expected at "
                    + "least " + AppFacts.pct(thresholds.hitRatioPercent()) + ": repeated requests for a product must "
                    + "be HITs.");
        }
    }

    @Check(id = "app_hit_ratio_in_window",
            title = "The hit ratio in the probe's window reaches ${hitRatioPercent}%, and /stats agrees with what was"
                    + " observed",
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
        if (w.redisRead()) {
            byRedis(app, w, thresholds, figures, reporter);
            return;
        }
        Report.details(reporter, figures + ". Redis was not read from here (run with --redis), so /stats and the "
                + "cache_status labels are the only evidence: both are the app's claims.");
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
