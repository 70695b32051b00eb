package labcheck.checks.app;

import java.util.ArrayList;
import java.util.List;
import labcheck.engine.Check;
import labcheck.engine.Finding;
import labcheck.engine.PartialCredit;
import labcheck.engine.Report;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.evidence.app.SourceExcerpt;
import labcheck.rubric.Thresholds;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 4: the lazy-loading (cache-aside) pattern. */
public class LazyLoadingChecks {

    /** Hits may cause at most this share of a select each (background traffic), before it counts as querying. */
    static final double SELECTS_PER_HIT_ALLOWED = 0.1;

    @Check(id = "app_lazy_loading_miss_then_hit",
            title = "An uncached product goes MISS then HIT with the same data",
            remediation = "In GET /product/<id>: read product:<id> from Redis first; on a hit return it with "
                    + "cache_status HIT; on a miss query MySQL, SETEX the product as JSON, and return it with "
                    + "cache_status MISS.")
    void missThenHit(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        List<String> wrong = new ArrayList<>();
        int good = 0;
        int goodButQuerying = 0;
        boolean windowClean = Served.windowShowsNoQuery(app);
        for (ProductObservation o : l.observations()) {
            String why = why(o, windowClean);
            if (why == null) {
                good++;
            } else {
                wrong.add("product " + o.id() + ": " + why);
            }
            if (why(o, true) == null) {
                goodButQuerying++;
            }
        }
        String db = Served.hitsQueryDatabase(app);
        // reported as data too, for the scoresheet's findings and the cohort summary's flags
        if (l.observations().stream().anyMatch(o -> Served.lie(o.first(), o.firstTrace()) != null
                || Served.lie(o.second(), o.secondTrace()) != null && !(windowClean
                && o.secondTrace().served() == RequestTrace.Served.HIT_QUERYING_DB))) {
            Finding.CACHE_STATUS_CONTRADICTED.raise(reporter);
        }
        StringBuilder details = new StringBuilder("ids " + (l.idsVerifiedUncached() ? "confirmed absent from Redis"
                : "chosen at random, not confirmed absent (Redis not readable from here)") + "; " + good + " of "
                + l.observations().size() + " went MISS then HIT with equal product data. " + Served.basis(l));
        for (ProductObservation o : l.observations()) {
            details.append("\n  product ").append(o.id()).append(": ").append(line(o.first(), o.firstTrace()))
                    .append(" then ").append(line(o.second(), o.secondTrace()));
        }
        sourceDetails(app, details);
        Report.details(reporter, details.toString());
        String expected = " Expected the first request to query MySQL and cache the product (MISS), and the second "
                + "to be served from Redis without querying MySQL (HIT) with the same product.";
        if (good == l.observations().size() && db == null) {
            return;
        }
        String msg = "Lazy loading on " + app.appUrl() + ": " + good + " of " + l.observations().size()
                + " uncached ids went MISS then HIT with equal data" + (wrong.isEmpty() ? "" : "; "
                + String.join("; ", wrong)) + "." + expected;
        double fraction = (double) good / l.observations().size();
        if (db != null) {
            msg = hitsQueryDbMessage(app, db, thresholds);
            // the rubric's share, of what would have earned marks had the hits not queried MySQL
            fraction = thresholds.lazyLoadingShareWhenHitsQueryDb() * goodButQuerying / l.observations().size();
        }
        if (fraction <= 0) {
            Assertions.fail(msg);
        }
        throw new PartialCredit(fraction, msg);
    }

    /** The failure text for hits that still query the database: lazy loading is not implemented. */
    static String hitsQueryDbMessage(AppEvidence app, String db, Thresholds thresholds) {
        double share = thresholds.lazyLoadingShareWhenHitsQueryDb();
        return "Lazy loading is not implemented on " + app.appUrl() + ": " + db + ". The pattern is \"read the "
                + "cache first, query the database only on a miss\"; an app that queries MySQL on every request and "
                + "fills the cache afterwards keeps " + (share <= 0 ? "none" : "at most " + AppFacts.pct(share * 100))
                + " of the lazy-loading item (rubric thresholds.lazyLoadingShareWhenHitsQueryDb).";
    }

    private static String line(ProductAnswer a, RequestTrace t) {
        StringBuilder b = new StringBuilder();
        RequestTrace.Served s = t == null ? null : t.served();
        b.append(s == null ? "no evidence" : s.name());
        if (t != null && t.keyBefore() != null) {
            b.append(" (key ").append(t.keyBefore() ? "present" : "absent").append(" before");
            b.append(t.keyAfter() == null ? "" : t.keyAfter() ? ", present after" : ", absent after");
            b.append(t.selects() == null ? "" : ", " + t.selects() + " SELECT").append(")");
        } else if (t != null && t.selects() != null) {
            b.append(" (").append(t.selects()).append(" SELECT)");
        }
        b.append(", label ").append(a.cacheStatus() == null ? "absent" : a.cacheStatus());
        return b.toString();
    }

    /** Why an observation is not MISS then HIT; with {@code allowQuerying} a hit that also queried MySQL counts. */
    private static String why(ProductObservation o, boolean allowQuerying) {
        RequestTrace.Served first = Served.of(o.first(), o.firstTrace());
        RequestTrace.Served second = Served.of(o.second(), o.secondTrace());
        boolean forgiven = allowQuerying && second == RequestTrace.Served.HIT_QUERYING_DB;
        if (forgiven) {
            second = RequestTrace.Served.HIT;
        }
        boolean evidenced = o.firstTrace() != null && o.firstTrace().served() != null;
        boolean broken = evidenced ? o.first().httpStatus() != 200 || o.first().product() == null
                : !o.first().miss();
        if (o.first().problem() != null && broken) {
            return "the first answer broke the contract (" + o.first().problem() + ")";
        }
        if (first != RequestTrace.Served.MISS) {
            return evidenced ? "the first request was " + describe(first, o.firstTrace()) + ", not a MISS"
                    : "the first request answered cache_status " + o.first().cacheStatus() + ", not MISS";
        }
        String lie = Served.lie(o.first(), o.firstTrace());
        if (lie != null) {
            return "the first request was a MISS, but " + lie + " (cache_status is a claim, and it is wrong)";
        }
        if (second != RequestTrace.Served.HIT) {
            return evidenced ? "the second request was " + describe(second, o.secondTrace()) + ", not a HIT"
                    : "the second request answered cache_status " + o.second().cacheStatus() + ", not HIT"
                    + (o.second().problem() == null ? "" : " (" + o.second().problem() + ")");
        }
        lie = forgiven ? null : Served.lie(o.second(), o.secondTrace());
        if (lie != null) {
            return "the second request was a HIT, but " + lie + " (cache_status is a claim, and it is wrong)";
        }
        if (!o.sameProduct()) {
            return "the HIT served different product data (" + o.second().product() + ") than the MISS ("
                    + o.first().product() + ")";
        }
        return null;
    }

    private static String describe(RequestTrace.Served s, RequestTrace t) {
        if (s == null) {
            return "not judged (no usable answer)";
        }
        return switch (s) {
            case HIT -> "served from Redis (product:<id> present before, no SELECT)";
            case MISS -> "a database read (" + (t.keyBefore() == null ? "" : "product:<id> absent before, ")
                    + (t.selects() == null ? "" : t.selects() + " SELECT") + ")";
            case HIT_QUERYING_DB -> "served with product:<id> in Redis yet still queried MySQL (" + t.selects()
                    + " SELECT)";
            case NEITHER -> "served with product:<id> absent from Redis and no SELECT in MySQL (from neither)";
        };
    }

    private static void sourceDetails(AppEvidence app, StringBuilder details) {
        if (app.source() == null || !app.source().available()) {
            return;
        }
        SourceExcerpt s = app.source().value();
        details.append("\n\nSource ").append(s.file()).append(" from line ").append(s.firstLine()).append(": ")
                .append(s.cacheReadLine() == 0 ? "no cache read found"
                        : "cache read at line " + s.cacheReadLine())
                .append(", ").append(s.dbQueryLine() == 0 ? "no DB query found" : "DB query at line " + s.dbQueryLine())
                .append(s.cacheReadBeforeDbQuery() ? " (cache read before the DB query)."
                        : " (the cache is NOT read before the DB query).")
                .append('\n').append(s.excerpt());
    }

    @Check(id = "redis_product_key_populated_on_miss",
            title = "After a MISS, Redis holds product:<id> with that product",
            remediation = "On a cache miss store the product under the key product:<id> as JSON, e.g. "
                    + "redis_client.setex(f'product:{product_id}', ${ttlMaxSeconds}, json.dumps(product)).")
    void keyPopulatedOnMiss(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        RedisKeysProbe keys = AppFacts.require(app.redis());
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        List<Integer> missed = l.observations().stream()
                .filter(o -> Served.of(o.first(), o.firstTrace()) == RequestTrace.Served.MISS)
                .map(ProductObservation::id).toList();
        if (missed.isEmpty()) {
            Assertions.fail("No request to " + app.appUrl() + "/product/{id} was a cache miss ("
                    + (Served.evidenced(l) ? "none found product:<id> absent and queried MySQL" : "none answered "
                    + "cache_status MISS") + AppHealthChecks.firstProblem(l) + "), so there was no miss after which "
                    + "to look for product:<id> in Redis.");
        }
        List<String> wrong = new ArrayList<>();
        StringBuilder details = new StringBuilder("Redis " + keys.endpoint() + " after the MISS:");
        for (RedisKeysProbe.KeyState k : keys.keys()) {
            if (!missed.contains(k.id())) {
                continue;
            }
            details.append("\n  ").append(k.key()).append(k.exists() ? " = " + k.value() : " absent");
            if (!k.exists()) {
                wrong.add(k.key() + " does not exist");
            } else if (!k.matchesProduct()) {
                wrong.add(k.key() + " holds " + k.value() + ", not the product the app served");
            }
        }
        details.append("\n").append(Served.basis(l));
        Report.details(reporter, details.toString());
        if (!wrong.isEmpty()) {
            Assertions.fail("After a MISS on " + app.appUrl() + ", Redis at " + keys.endpoint() + " should hold "
                    + "product:<id> with the product served, but " + String.join("; ", wrong) + ".");
        }
        String db = Served.hitsQueryDatabase(app);
        if (db != null) {
            String msg = hitsQueryDbMessage(app, db, thresholds);
            if (thresholds.lazyLoadingShareWhenHitsQueryDb() <= 0) {
                Assertions.fail(msg);
            }
            throw new PartialCredit(thresholds.lazyLoadingShareWhenHitsQueryDb(), msg);
        }
    }

    @Check(id = "app_cache_hits_skip_database",
            title = "Cache hits do not query the database",
            remediation = "Return as soon as Redis has the product: query MySQL only on a miss, never before "
                    + "reading the cache or in addition to it.")
    void hitsSkipDatabase(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        DatabaseProbe db = AppFacts.require(app.database());
        long allowed = Served.selectsAllowed(db);
        Report.details(reporter, "Database " + db.url() + ": " + db.productCount() + " products (at least "
                + thresholds.minProducts() + " expected); during " + db.hitRequests() + " cache hits Com_select rose by "
                + db.selectsDuringHits() + " and Questions by " + db.questionsDuringHits() + "; the probe's own idle "
                + "window moved them by " + db.selectsControl() + " and " + db.questionsControl() + "; allowed "
                + allowed + " extra selects. Hits counted by " + (Boolean.TRUE.equals(db.hitsFromRedis())
                ? "Redis EXISTS product:<id> right before each request." : "the app's own cache_status HIT labels "
                + "(Redis not readable from here: run with --redis to corroborate them)."));
        String perRequest = Served.perRequestQuery(app);
        if (perRequest != null) {
            Assertions.fail("On " + app.appUrl() + ", " + perRequest + "; a request whose product is in Redis must be "
                    + "answered from Redis without querying the database.");
        }
        if (db.hitRequests() == 0) {
            Assertions.fail("No request to " + app.appUrl() + "/product/{id} was served from the cache during the "
                    + "database window (" + (Boolean.TRUE.equals(db.hitsFromRedis()) ? "no product:<id> in Redis "
                    + "before them" : "no cache_status HIT") + "), so there were no cache hits whose database use "
                    + "could be measured; fix caching first.");
        }
        if (db.excessSelects() > allowed) {
            // the window's hits are known by Redis or by label, as said in the details
            Assertions.fail("During " + db.hitRequests() + " cache hits on " + app.appUrl() + ", MySQL ran "
                    + db.excessSelects() + " SELECT statements (Com_select delta " + db.selectsDuringHits()
                    + " minus " + db.selectsControl() + " from the probe itself); expected at most " + allowed
                    + ", because a HIT must be answered from Redis without querying the database.");
        }
    }
}
