package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Rubric item 4: the lazy-loading (cache-aside) pattern. */
public class LazyLoadingChecks {

    /** Hits may cause at most this share of a select each (background traffic), before it counts as querying. */
    static final double SELECTS_PER_HIT_ALLOWED = 0.1;

    /** The pattern in one sentence, for every failure of this item, naming the app's own key. */
    private static String pattern(AppEvidence app) {
        return " Fix: in GET /product/<id>, read " + AppFacts.key(app) + " from Redis first and return it when it is"
                + " there (cache_status HIT); only on a miss query MySQL, " + (app.keys().lab() ? "SETEX the product as"
                + " JSON" : "store the product with its TTL") + " and return it (cache_status MISS).";
    }

    /** The ids that never had a key, when the probe surveyed them, as a clause; empty otherwise. */
    private static String coverage(AppEvidence app) {
        if (app.redis() == null || !app.redis().available() || app.redis().value().coverage() == null) {
            return "";
        }
        return "; " + app.redis().value().coverage().describe();
    }

    /** The keys labcheck deleted to observe the miss path, as a sentence; empty when none. */
    private static String reset(LazyLoadProbe l) {
        return l.keysReset().isEmpty() ? "" : "\nEvery product was cached before the first request, and the rubric"
                + " allows resetting them (thresholds.resetCachedProductKeys: true): labcheck deleted "
                + l.keysReset() + ", keys holding those products, so their misses could be observed.";
    }

    @Check(id = "app_lazy_loading_miss_then_hit",
            title = "An uncached product goes MISS then HIT with the same data",
            remediation = "In GET /product/<id>: read product:<id> from Redis first; on a hit return it with "
                    + "cache_status HIT; on a miss query MySQL, SETEX the product as JSON, and return it with "
                    + "cache_status MISS.")
    void missThenHit(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        String key = AppFacts.key(app);
        if (l.noMissPath()) {
            StringBuilder details = new StringBuilder(l.describeNoMissPath(key) + ". " + l.basis(key)
                    + AppFacts.schemeLine(app));
            l.observations().forEach(o -> details.append("\n  ").append(o.describe()));
            Report.details(reporter, details.toString());
            NoMissPath.decide("Lazy loading (MISS then HIT)", app, l, thresholds, reporter);
            return;
        }
        if (l.observations().isEmpty()) {
            fail("The evidence holds no request for an uncached product of " + app.appUrl() + ", so MISS then HIT"
                    + " cannot be judged. Fix: run labcheck again with the app serving GET /product/<id>.");
        }
        List<String> wrong = new ArrayList<>();
        int good = 0;
        int goodButQuerying = 0;
        boolean windowClean = Served.windowShowsNoQuery(app);
        for (ProductObservation o : l.observations()) {
            String why = why(o, windowClean, key);
            if (why == null) {
                good++;
            } else {
                wrong.add("product " + o.id() + ": " + why);
            }
            if (why(o, true, key) == null) {
                goodButQuerying++;
            }
        }
        String db = Served.hitsQueryDatabase(app);
        // reported as data too, for the scoresheet's findings and the cohort summary's flags
        if (l.observations().stream().anyMatch(o -> Served.lie(o.first(), o.firstTrace(), key) != null
                || Served.lie(o.second(), o.secondTrace(), key) != null && !(windowClean
                && o.secondTrace().served() == RequestTrace.Served.HIT_QUERYING_DB))) {
            Finding.CACHE_STATUS_CONTRADICTED.raise(reporter);
        }
        RightAnswers answers = RightAnswers.of(app);
        if (!answers.wrong().isEmpty()) {
            Finding.WRONG_PRODUCT_SERVED.raise(reporter);
        }
        StringBuilder details = new StringBuilder("ids " + (l.idsVerifiedUncached() ? "confirmed absent from Redis"
                : "chosen at random, not confirmed absent (Redis not readable from here)") + "; " + good + " of "
                + l.observations().size() + " went MISS then HIT with equal product data. " + l.basis(key) + " "
                + answers.describe() + AppFacts.schemeLine(app) + reset(l));
        l.observations().forEach(o -> details.append("\n  ").append(o.describe()));
        if (app.source() != null && app.source().available()) {
            details.append("\n\n").append(app.source().value().describe());
        }
        Report.details(reporter, details.toString());
        int n = l.observations().size();
        Conditions conditions = new Conditions();
        // a cache that serves another product earns nothing of the pattern, whatever its labels say
        conditions.expect(answers.wrong().isEmpty(), () -> answers.failure(app));
        if (db != null) {
            // the rubric's share, of what would have earned marks had the hits not queried MySQL
            conditions.partly(thresholds.lazyLoadingShareWhenHitsQueryDb() * goodButQuerying / n,
                    hitsQueryDbMessage(app, db, thresholds));
        } else {
            conditions.partly((double) good / n, "Lazy loading on " + app.appUrl() + ": " + good + " of " + n
                    + " uncached ids went MISS then HIT with equal data" + (wrong.isEmpty() ? "" : "; "
                    + String.join("; ", wrong)) + coverage(app) + ". Expected the first request to query MySQL and"
                    + " cache the product (MISS), and the second to be served from Redis without querying MySQL (HIT)"
                    + " with the same product." + pattern(app));
        }
        conditions.verify();
        Report.passed(reporter, "On " + app.appUrl() + ", all " + n + " uncached products went MISS then HIT with"
                + " the same data" + (l.evidenced() ? ", as labcheck's own reads of Redis and MySQL show." : ", as the"
                + " app's cache_status labels say (Redis and MySQL were not read from here)."));
    }

    /** The failure text for hits that still query the database: lazy loading is not implemented. */
    static String hitsQueryDbMessage(AppEvidence app, String db, Thresholds thresholds) {
        double share = thresholds.lazyLoadingShareWhenHitsQueryDb();
        return "Lazy loading is not implemented on " + app.appUrl() + ": " + db + ". The pattern is \"read the "
                + "cache first, query the database only on a miss\"; an app that queries MySQL on every request and "
                + "fills the cache afterwards keeps " + (share <= 0 ? "none" : "at most " + AppFacts.pct(share * 100))
                + " of the lazy-loading item (rubric thresholds.lazyLoadingShareWhenHitsQueryDb)." + pattern(app);
    }

    /** Why an observation is not MISS then HIT; with {@code allowQuerying} a hit that also queried MySQL counts. */
    private static String why(ProductObservation o, boolean allowQuerying, String key) {
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
            return evidenced ? "the first request was " + o.firstTrace().describeOutcome(key) + ", not a MISS"
                    : "the first request answered cache_status " + o.first().cacheStatus() + ", not MISS";
        }
        String lie = Served.lie(o.first(), o.firstTrace(), key);
        if (lie != null) {
            return "the first request was a MISS, but " + lie + " (cache_status is a claim, and it is wrong)";
        }
        if (second != RequestTrace.Served.HIT) {
            boolean secondEvidenced = o.secondTrace() != null && o.secondTrace().served() != null;
            if (secondEvidenced && o.secondTrace().bypassedRedis() && o.firstTrace().bypassedRedis()) {
                return "it was never cached: neither request asked Redis (no lookup by the app in Redis's counters,"
                        + " " + key + " absent before and after both), so both were database reads, and the MISS"
                        + " labels say so truly";
            }
            return secondEvidenced ? "the second request was " + o.secondTrace().describeOutcome(key) + ", not a HIT"
                    : "the second request answered cache_status " + o.second().cacheStatus() + ", not HIT"
                    + (o.second().problem() == null ? "" : " (" + o.second().problem() + ")");
        }
        lie = forgiven ? null : Served.lie(o.second(), o.secondTrace(), key);
        if (lie != null) {
            return "the second request was a HIT, but " + lie + " (cache_status is a claim, and it is wrong)";
        }
        if (!o.sameProduct()) {
            return "the HIT served different product data (" + o.second().product() + ") than the MISS ("
                    + o.first().product() + ")";
        }
        return null;
    }

    @Check(id = "redis_product_key_populated_on_miss",
            title = "After a MISS, Redis holds product:<id> with that product",
            remediation = "On a cache miss store the product under the key product:<id> as JSON, e.g. "
                    + "redis_client.setex(f'product:{product_id}', ${ttlMaxSeconds}, json.dumps(product)).")
    void keyPopulatedOnMiss(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        RedisKeysProbe keys = AppFacts.require(app.redis());
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        String key = AppFacts.key(app);
        if (l.noMissPath()) {
            Report.details(reporter, "Redis " + keys.endpoint() + " held, for the products labcheck asked for: "
                    + keys.keys().stream().map(k -> k.key() + (k.exists() ? " = " + k.shown() : " absent")).toList()
                    + AppFacts.schemeLine(app));
            NoMissPath.decide("Filling the cache on a miss", app, l, thresholds, reporter);
            return;
        }
        List<Integer> missed = l.observations().stream()
                .filter(o -> Served.of(o.first(), o.firstTrace()) == RequestTrace.Served.MISS)
                .map(ProductObservation::id).toList();
        if (missed.isEmpty()) {
            fail("No request to " + app.appUrl() + "/product/{id} was a cache miss (" + (l.evidenced()
                    ? "none found " + key + " absent and queried MySQL" : "none answered cache_status MISS")
                    + (l.firstProblem() == null ? "" : "; the app's answers: " + l.firstProblem()) + "), so there was"
                    + " no miss after which to look for " + key + " in Redis." + pattern(app));
        }
        List<String> wrong = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        StringBuilder details = new StringBuilder("Redis " + keys.endpoint() + " after the MISS:");
        for (RedisKeysProbe.KeyState k : keys.keys()) {
            if (!missed.contains(k.id())) {
                continue;
            }
            details.append("\n  ").append(k.key()).append(k.exists() ? " = " + k.shown() : " absent");
            if (!k.exists()) {
                wrong.add(k.key() + " does not exist");
            } else if (k.problem() != null) {
                unreadable.add(k.key() + " is " + k.shown());
            } else if (!k.matchesProduct()) {
                wrong.add(k.key() + " holds " + k.shown() + ", not the product the app served");
            } else {
                held.add(k.key());
            }
        }
        details.append("\n").append(l.basis(key)).append(AppFacts.schemeLine(app));
        Report.details(reporter, details.toString());
        Conditions conditions = new Conditions();
        RightAnswers answers = RightAnswers.of(app);
        conditions.expect(answers.wrong().isEmpty(), () -> answers.failure(app));
        String coverage = coverage(app);
        conditions.expect(wrong.isEmpty(), () -> "After a MISS on " + app.appUrl() + ", Redis at " + keys.endpoint()
                + " should hold " + key + " with the product served, but " + String.join("; ", wrong) + coverage
                + ". Fix: on a miss, store the product " + (app.keys().lab() ? "as JSON under product:<id>:"
                + " redis_client.setex(f'product:{product_id}', " + thresholds.ttlMaxSeconds()
                + ", json.dumps(product))"
                : "under " + key + " with a TTL of at most " + thresholds.ttlMaxSeconds() + " s, for every product id")
                + ".");
        String db = Served.hitsQueryDatabase(app);
        if (db != null) {
            conditions.partly(thresholds.lazyLoadingShareWhenHitsQueryDb(), hitsQueryDbMessage(app, db, thresholds));
        }
        conditions.verify();
        if (!unreadable.isEmpty()) {
            throw new Unverifiable("After the MISS on " + app.appUrl() + ", Redis at " + keys.endpoint() + " held "
                    + String.join("; ", unreadable) + ", so whether it holds the product the app served is not known.",
                    "Let labcheck's Redis user read the value (for a RedisJSON document, JSON.GET with the module"
                    + " loaded), then run labcheck again.");
        }
        Report.passed(reporter, "After the MISS on " + app.appUrl() + ", Redis at " + keys.endpoint() + " held "
                + Texts.join(held) + " with the product served.");
    }

    @Check(id = "app_cache_hits_skip_database",
            title = "Cache hits do not query the database",
            remediation = "Return as soon as Redis has the product: query MySQL only on a miss, never before "
                    + "reading the cache or in addition to it.")
    void hitsSkipDatabase(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        DatabaseProbe db = AppFacts.require(app.database());
        long allowed = Served.selectsAllowed(db);
        Report.details(reporter, db.describe() + " At least " + thresholds.minProducts() + " products expected; "
                + allowed + " extra selects allowed for the server's own statements.");
        String fix = " Fix: return as soon as Redis has the product, and query MySQL only on a miss.";
        String perRequest = Served.perRequestQuery(app);
        Conditions conditions = new Conditions();
        RightAnswers answers = RightAnswers.of(app);
        conditions.expect(answers.wrong().isEmpty(), () -> answers.failure(app));
        conditions.expect(perRequest == null, () -> "On " + app.appUrl() + ", " + perRequest + "; a request whose"
                + " product is in Redis must be answered from Redis without querying the database." + fix);
        if (db.hitRequests() == 0) {
            conditions.fail("No request to " + app.appUrl() + "/product/{id} was served from the cache during the "
                    + "database window (" + (Boolean.TRUE.equals(db.hitsFromRedis()) ? "no product:<id> in Redis "
                    + "before them" : "no cache_status HIT") + "), so there were no cache hits whose database use "
                    + "could be measured. Fix: make the cache serve repeated requests first (see"
                    + " app_lazy_loading_miss_then_hit), then run labcheck again.");
        } else {
            // the window's hits are known by Redis or by label, as said in the details
            conditions.expect(db.excessSelects() <= allowed, () -> "During " + db.hitRequests() + " cache hits on "
                    + app.appUrl() + ", MySQL ran " + db.excessSelects() + " SELECT statements (Com_select delta "
                    + db.selectsDuringHits() + " minus " + db.selectsControl() + " from the probe itself); expected at"
                    + " most " + allowed + ", because a HIT must be answered from Redis without querying the"
                    + " database." + fix);
        }
        conditions.verify();
        Report.passed(reporter, "During " + db.hitRequests() + " cache hits on " + app.appUrl() + ", MySQL ran "
                + db.excessSelects() + " SELECT statements beyond the probe's own (at most " + allowed + " allowed):"
                + " hits are answered from Redis.");
    }
}
