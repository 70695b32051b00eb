package labcheck.checks.app;

import labcheck.engine.Check;
import labcheck.engine.PartialCredit;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DeleteProbe;
import labcheck.evidence.app.LoadTestResult;
import labcheck.evidence.app.WriteProbe;
import labcheck.rubric.Thresholds;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.TestReporter;

/** The lab's extension challenges that the probe can observe: load testing, write-through, invalidation. */
public class ExtensionChecks {

    /** Errors allowed in the load test, in percent of requests. */
    static final double MAX_ERROR_PERCENT = 1.0;

    @Check(id = "app_load_test_concurrent",
            title = "The cache app serves concurrent load without errors",
            remediation = "Run the app under a production server with enough workers (e.g. gunicorn -w 4 "
                    + "--threads 8 app_with_cache:app) and a Redis/MySQL connection pool, then rerun with --concurrency.")
    void loadTest(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        LoadTestResult r = AppFacts.require(app.loadTest());
        Report.details(reporter, String.format(java.util.Locale.ROOT,
                "concurrency %d for %d ms: %d requests, %d errors (%.2f%%), %.1f req/s; latency (corrected for "
                        + "coordinated omission) p50 %.3f p95 %.3f p99 %.3f max %.3f ms; raw p50 %.3f p99 %.3f ms%s",
                r.concurrency(), r.durationMs(), r.requests(), r.errors(), r.errorPercent(), r.throughputRps(),
                r.latency().p50(), r.latency().p95(), r.latency().p99(), r.latency().max(), r.rawLatency().p50(),
                r.rawLatency().p99(), r.errorSamples().isEmpty() ? "" : "; errors: " + r.errorSamples()));
        if (r.requests() == 0 || r.errorPercent() > MAX_ERROR_PERCENT) {
            Assertions.fail("Under " + r.concurrency() + " concurrent requests for " + r.durationMs() + " ms, "
                    + app.appUrl() + " completed " + r.requests() + " and failed " + r.errors() + " ("
                    + AppFacts.pct(r.errorPercent()) + ": " + r.errorSamples() + "); expected at most "
                    + AppFacts.pct(MAX_ERROR_PERCENT) + " errors.");
        }
    }

    @Check(id = "app_write_through_update",
            title = "PUT /product/<id> updates both the database and the cache",
            remediation = "Add PUT /product/<id>: UPDATE the row in MySQL, then SETEX product:<id> with the new "
                    + "product (write-through), and answer 200.")
    void writeThrough(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        WriteProbe w = AppFacts.require(app.writeThrough());
        Report.details(reporter, "PUT /product/" + w.id() + " -> HTTP " + w.putStatus() + "; read back "
                + w.readBackStatus() + (w.readBackUpdated() ? " with the new price" : " without the new price")
                + "; product:" + w.id() + " in Redis " + (w.redisUpdated() == null ? "not readable from here"
                : w.redisUpdated() ? "updated" : "not updated") + "; original restored: " + w.restored());
        if (!w.offered()) {
            Assertions.fail("PUT /product/" + w.id() + " on " + app.appUrl() + " answered HTTP " + w.putStatus()
                    + ": the app offers no update endpoint; add one that writes MySQL and the cache.");
        }
        if (w.putStatus() / 100 != 2 || !w.readBackUpdated()) {
            Assertions.fail("PUT /product/" + w.id() + " on " + app.appUrl() + " answered HTTP " + w.putStatus()
                    + (w.readBackUpdated() ? "" : " and the next GET did not serve the new price")
                    + (w.problem() == null ? "" : " (" + w.problem() + ")") + "; expected 200 and the update served at once.");
        }
        boolean cacheWritten = w.redisUpdated() != null ? w.redisUpdated() : "HIT".equals(w.readBackStatus());
        if (!cacheWritten) {
            throw new PartialCredit(0.5, "PUT /product/" + w.id() + " on " + app.appUrl() + " updated the database "
                    + "but not the cache (the next GET was a " + w.readBackStatus() + "); write-through also stores "
                    + "the new product in product:" + w.id() + ".");
        }
    }

    @Check(id = "app_delete_invalidates_cache",
            title = "DELETE /product/<id> removes the product from the cache and the database",
            remediation = "Add DELETE /product/<id>: DELETE the row in MySQL and DEL product:<id> in Redis, then "
                    + "answer 200 (or 204); a later GET must answer 404.")
    void deleteInvalidates(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        DeleteProbe d = AppFacts.require(app.delete());
        Report.details(reporter, "DELETE /product/" + d.id() + " -> HTTP " + d.deleteStatus() + "; GET after -> HTTP "
                + d.readBackStatus() + (d.readBackStale() ? " (stale product served)" : "") + "; product:" + d.id()
                + (d.keyGone() == null ? " not readable from here" : d.keyGone() ? " gone from Redis" : " still in Redis")
                + "; product restored afterwards with PUT: " + d.restored());
        if (!d.offered()) {
            Assertions.fail("DELETE /product/" + d.id() + " on " + app.appUrl() + " answered HTTP " + d.deleteStatus()
                    + ": the app offers no delete endpoint; add one that deletes the row and the cache key.");
        }
        if (d.deleteStatus() / 100 != 2) {
            Assertions.fail("DELETE /product/" + d.id() + " on " + app.appUrl() + " answered HTTP " + d.deleteStatus()
                    + "; expected 200 or 204.");
        }
        if (d.readBackStale() || Boolean.FALSE.equals(d.keyGone())) {
            Assertions.fail("After DELETE /product/" + d.id() + " on " + app.appUrl()
                    + (d.readBackStale() ? " the next GET still served the deleted product" : "")
                    + (Boolean.FALSE.equals(d.keyGone()) ? (d.readBackStale() ? " and" : "") + " product:" + d.id()
                    + " is still in Redis" : "") + "; the delete must also DEL the cache key, or stale data is served.");
        }
    }
}
