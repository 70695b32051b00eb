package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.StatsWindow;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 7: the cache hit ratio, in the probe's own window. */
public class HitRatioChecks {

    /** Window ratio and observed ratio may differ by this many percentage points (other clients' lookups). */
    static final double RATIO_AGREEMENT_POINTS = 5.0;

    /** How /stats must count, for every failure of its counters. */
    private static final String LIVE_STATS = " Fix: make /stats read keyspace_hits and keyspace_misses from Redis"
            + " INFO stats (redis_client.info('stats')) on every call.";

    @Check(id = "app_hit_ratio_in_window",
            title = "The hit ratio in the probe's window reaches ${hitRatioPercent}%, and /stats agrees with what was"
                    + " observed",
            remediation = "Make /stats read Redis's INFO stats (keyspace_hits, keyspace_misses) on every call, and "
                    + "serve repeated ids from the cache; a lifetime ratio alone proves nothing.")
    void hitRatio(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        StatsWindow w = AppFacts.require(app.stats());
        String figures = w.describe();
        Conditions conditions = new Conditions();
        if (w.redisRead()) {
            Report.details(reporter, figures + "\n" + w.describeRedis() + ". Graded on Redis's counters; /stats and"
                    + " cache_status are claims compared with them.");
            byRedis(conditions, app, w, thresholds, figures, reporter);
            conditions.verify();
            Report.passed(reporter, "The cache hit ratio on " + app.appUrl() + " during the probe's window was "
                    + AppFacts.pct(w.redisRatioPercent()) + " by Redis's own counters (at least "
                    + AppFacts.pct(thresholds.hitRatioPercent()) + " expected), and /stats moved with them.");
            return;
        }
        Report.details(reporter, figures + ". Redis was not read from here (run with --redis), so /stats and the "
                + "cache_status labels are the only evidence: both are the app's claims.");
        int observed = w.observedHits() + w.observedMisses();
        if (observed == 0) {
            fail("No request to " + app.appUrl() + "/product/{id} answered cache_status HIT or MISS during the"
                    + " probe's window, so its hit ratio cannot be measured. Fix: answer GET /product/<id> with"
                    + " cache_status HIT or MISS, as the lab's contract says.");
        }
        byLabels(conditions, app, w, thresholds, figures);
        conditions.verify();
        Report.passed(reporter, "The cache hit ratio on " + app.appUrl() + " during the probe's window was "
                + AppFacts.pct(w.windowRatioPercent()) + " by /stats (at least "
                + AppFacts.pct(thresholds.hitRatioPercent()) + " expected), agreeing with the " + w.observedHits()
                + " HIT and " + w.observedMisses() + " MISS the probe received; Redis was not read from here, so both"
                + " are the app's claims.");
    }

    /** The window judged on Redis's own INFO counters: /stats must match them, labels must agree with them. */
    private static void byRedis(Conditions conditions, AppEvidence app, StatsWindow w, Thresholds thresholds,
                                String figures, TestReporter reporter) {
        long delta = w.deltaHits() + w.deltaMisses();
        long tolerance = Math.max(2, w.redisDelta() / 50);
        if (delta <= 0 && w.redisDelta() > 0) {
            conditions.fail("The /stats counters on " + app.appUrl() + " did not move during the probe's window while"
                    + " Redis itself counted " + w.redisDelta() + " lookups (" + figures + "); /stats must read "
                    + "keyspace_hits and keyspace_misses from Redis INFO stats on every call, not return fixed"
                    + " numbers." + LIVE_STATS);
        } else {
            conditions.expect(Math.abs(w.deltaHits() - w.redisHits()) <= tolerance
                    && Math.abs(w.deltaMisses() - w.redisMisses()) <= tolerance, () -> "/stats on " + app.appUrl()
                    + " moved by " + w.deltaHits() + " hits and " + w.deltaMisses() + " misses during the probe's"
                    + " window, but Redis INFO counted " + w.redisHits() + " hits and " + w.redisMisses() + " misses"
                    + " over the same window; /stats must report Redis INFO stats live." + LIVE_STATS);
        }
        if (w.redisAppHits() + w.redisAppMisses() <= 0) {
            conditions.fail("Redis counted no lookups by " + app.appUrl() + " during the probe's window ("
                    + w.describeRedis() + "), so the app does not read the cache; GET /product/<id> must look up"
                    + " " + AppFacts.key(app) + " first. Fix: read " + AppFacts.key(app) + " from Redis before querying"
                    + " MySQL.");
            return;
        }
        // a MISS to a request that never reached Redis is honest, and Redis cannot count it: compared without those
        int observed = w.observedHits() + w.observedMisses() - w.observedBypasses();
        double claimed = w.observedRatioReachingRedisPercent();
        if (observed > 0 && Math.abs(claimed - w.redisRatioPercent()) > RATIO_AGREEMENT_POINTS) {
            Finding.CACHE_STATUS_CONTRADICTED.raise(reporter);
            conditions.fail("The app's cache_status answers on " + app.appUrl() + " claim a hit ratio of "
                    + AppFacts.pct(claimed) + " (" + w.observedHits() + " HIT, " + w.observedMisses() + " MISS"
                    + (w.observedBypasses() == 0 ? "" : ", of them " + w.observedBypasses() + " to requests that never"
                    + " reached Redis and are left out") + "), but Redis itself counted "
                    + AppFacts.pct(w.redisRatioPercent()) + " for the app's "
                    + "lookups; they must agree within " + RATIO_AGREEMENT_POINTS + " points: cache_status must say "
                    + "what Redis did. Fix: answer HIT exactly when the product came from Redis, MISS otherwise.");
        }
        conditions.expect(w.redisRatioPercent() >= thresholds.hitRatioPercent(), () -> "The cache hit ratio on "
                + app.appUrl() + " during the probe's window was " + AppFacts.pct(w.redisRatioPercent()) + " by"
                + " Redis's own counters (" + w.describeRedis() + "); expected at least "
                + AppFacts.pct(thresholds.hitRatioPercent()) + ": repeated requests for a product must be HITs."
                + repeatHits(thresholds));
    }

    /** The window judged on /stats and the labels alone: both the app's claims, so they must agree. */
    private static void byLabels(Conditions conditions, AppEvidence app, StatsWindow w, Thresholds thresholds,
                                 String figures) {
        int observed = w.observedHits() + w.observedMisses();
        long delta = w.deltaHits() + w.deltaMisses();
        if (delta <= 0) {
            conditions.fail("The /stats counters on " + app.appUrl() + " did not move during the probe's " + observed
                    + " cache lookups (" + figures + "); /stats must read keyspace_hits and keyspace_misses from "
                    + "Redis INFO stats on every call, not return fixed numbers." + LIVE_STATS);
            return;
        }
        int tolerance = Math.max(2, observed / 50) + w.observedUnknown();
        conditions.expect(delta >= observed - tolerance, () -> "The /stats counters on " + app.appUrl()
                + " moved by " + delta + " lookups while the probe made " + observed + "; /stats must report Redis"
                + " INFO stats live." + LIVE_STATS);
        conditions.expect(Math.abs(w.windowRatioPercent() - w.observedRatioPercent()) <= RATIO_AGREEMENT_POINTS,
                () -> "/stats on " + app.appUrl() + " gives a window hit ratio of "
                + AppFacts.pct(w.windowRatioPercent()) + ", but the app's own cache_status answers give "
                + AppFacts.pct(w.observedRatioPercent()) + " ("
                + w.observedHits() + " HIT, " + w.observedMisses() + " MISS); they must agree within "
                + RATIO_AGREEMENT_POINTS + " points: cache_status or /stats does not reflect what Redis did. Fix:"
                + " answer HIT exactly when the product came from Redis, and read /stats from Redis INFO stats.");
        conditions.expect(w.windowRatioPercent() >= thresholds.hitRatioPercent(), () -> "The cache hit ratio on "
                + app.appUrl() + " during the probe's window was " + AppFacts.pct(w.windowRatioPercent()) + " by"
                + " /stats (" + w.deltaHits() + " hits, " + w.deltaMisses() + " misses); expected at least "
                + AppFacts.pct(thresholds.hitRatioPercent()) + ": repeated requests for a product must be HITs."
                + repeatHits(thresholds));
    }

    private static String repeatHits(Thresholds thresholds) {
        return " Fix: check Redis before MySQL, and on a miss SETEX product:<id> " + thresholds.ttlMaxSeconds()
                + " so the next requests for it are HITs.";
    }
}
