package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DeleteProbe;
import labcheck.evidence.app.LoadTestResult;
import labcheck.evidence.app.WriteProbe;
import labcheck.rubric.Thresholds;
import labcheck.text.Numbers;
import org.junit.jupiter.api.TestReporter;

/** The lab's extension challenges that the probe can observe: load testing, write-through, invalidation. */
public class ExtensionChecks {

    /** Errors allowed in the load test, in percent of requests. */
    static final double MAX_ERROR_PERCENT = 1.0;

    @Check(id = "app_load_test_concurrent",
            needs = {EvidencePart.APP_LOAD_TEST},
            title = "The cache app serves concurrent load without errors",
            remediation = "Run the app under a production server with enough workers (e.g. gunicorn -w 4 --threads 8"
                    + " app_with_cache:app) and a Redis/MySQL connection pool, then rerun with --concurrency.")
    void loadTest(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        LoadTestResult r = AppFacts.require(app.loadTest());
        Report.details(reporter, r.describe());
        new Conditions().expect(r.requests() > 0 && r.errorPercent() <= MAX_ERROR_PERCENT, () -> "Under "
                + r.concurrency() + " concurrent requests for " + r.durationMs() + " ms, " + app.appUrl()
                + " completed " + r.requests() + " and failed " + r.errors() + " (" + Numbers.percent(r.errorPercent(), 2)
                + ": " + r.errorSamples() + "); expected at most " + Numbers.plain(MAX_ERROR_PERCENT) + "% errors. Fix:"
                + " serve the app with enough workers (e.g. gunicorn -w 4 --threads 8 app_with_cache:app) and pooled"
                + " Redis and MySQL connections.").verify();
        Report.passed(reporter, "Under " + r.concurrency() + " concurrent requests for " + r.durationMs() + " ms, "
                + app.appUrl() + " completed " + r.requests() + " with " + r.errors() + " errors ("
                + Numbers.percent(r.errorPercent(), 2) + ", at most " + Numbers.plain(MAX_ERROR_PERCENT) + "% allowed).");
    }

    @Check(id = "app_write_through_update",
            needs = {EvidencePart.APP_WRITE_THROUGH},
            title = "PUT /product/<id> updates both the database and the cache",
            remediation = "Add PUT /product/<id>: UPDATE the row in MySQL, then SETEX product:<id> with the new "
                    + "product (write-through), and answer 200.")
    void writeThrough(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        WriteProbe w = AppFacts.require(app.writeThrough());
        Report.details(reporter, w.describe());
        String put = "PUT /product/" + w.id() + " on " + app.appUrl();
        String setex = "SETEX product:<id> " + thresholds.ttlMaxSeconds() + " with the new product";
        if (!w.offered()) {
            fail(put + " answered HTTP " + w.putStatus() + ": the app offers no update endpoint; add one that writes"
                    + " MySQL and the cache. Fix: add PUT /product/<id> that UPDATEs the row in MySQL, then " + setex
                    + ", and answers 200.");
        }
        boolean cacheWritten = w.redisUpdated() != null ? w.redisUpdated() : "HIT".equals(w.readBackStatus());
        new Conditions()
                .expect(w.putStatus() / 100 == 2 && w.readBackUpdated(), () -> put + " answered HTTP " + w.putStatus()
                        + (w.readBackUpdated() ? "" : " and the next GET did not serve the new price")
                        + (w.problem() == null ? "" : " (" + w.problem() + ")") + "; expected 200 and the update"
                        + " served at once. Fix: make PUT /product/<id> UPDATE the row in MySQL and answer 200 with the"
                        + " new product.")
                .partly(cacheWritten ? 1 : 0.5, put + " updated the database but not the cache (the next GET was a "
                        + w.readBackStatus() + "); write-through also stores the new product in product:" + w.id()
                        + ". Fix: right after the UPDATE, " + setex + " instead of deleting or keeping the old key.")
                .verify();
        Report.passed(reporter, put + " answered HTTP " + w.putStatus() + ", the next GET served the new price"
                + (w.redisUpdated() == null ? " as a cache HIT" : " and product:" + w.id() + " in Redis held it")
                + ".");
    }

    @Check(id = "app_delete_invalidates_cache",
            needs = {EvidencePart.APP_DELETE},
            title = "DELETE /product/<id> removes the product from the cache and the database",
            remediation = "Add DELETE /product/<id>: DELETE the row in MySQL and DEL product:<id> in Redis, then "
                    + "answer 200 (or 204); a later GET must answer 404.")
    void deleteInvalidates(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        DeleteProbe d = AppFacts.require(app.delete());
        Report.details(reporter, d.describe());
        String delete = "DELETE /product/" + d.id() + " on " + app.appUrl();
        if (!d.offered()) {
            fail(delete + " answered HTTP " + d.deleteStatus() + ": the app offers no delete endpoint; add one that"
                    + " deletes the row and the cache key. Fix: add DELETE /product/<id> that DELETEs the row in MySQL"
                    + " and DELs product:<id> in Redis, then answers 200 or 204.");
        }
        boolean keyLeft = Boolean.FALSE.equals(d.keyGone());
        new Conditions()
                .expect(d.deleteStatus() / 100 == 2, () -> delete + " answered HTTP " + d.deleteStatus()
                        + "; expected 200 or 204. Fix: answer 200 (or 204) once the row is deleted, and a 404 to a"
                        + " later GET.")
                .expect(!d.readBackStale() && !keyLeft, () -> "After " + delete
                        + (d.readBackStale() ? " the next GET still served the deleted product" : "")
                        + (keyLeft ? (d.readBackStale() ? " and" : "") + " product:" + d.id() + " is still in Redis"
                        : "") + "; the delete must also DEL the cache key, or stale data is served. Fix: DEL"
                        + " product:<id> in Redis in the same handler that deletes the row.")
                .verify();
        Report.passed(reporter, delete + " answered HTTP " + d.deleteStatus() + ", the next GET answered HTTP "
                + d.readBackStatus() + (d.keyGone() == null ? "" : " and product:" + d.id() + " was gone from Redis")
                + ".");
    }
}
