package labcheck.checks.app;

import java.util.ArrayList;
import java.util.List;
import labcheck.engine.Check;
import labcheck.engine.PartialCredit;
import labcheck.evidence.Evidence;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
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
        for (ProductObservation o : l.observations()) {
            String why = why(o);
            if (why == null) {
                good++;
            } else {
                wrong.add("product " + o.id() + ": " + why);
            }
        }
        StringBuilder details = new StringBuilder("ids " + (l.idsVerifiedUncached() ? "confirmed absent from Redis"
                : "chosen at random, not confirmed absent (Redis not readable from here)") + "; " + good + " of "
                + l.observations().size() + " went MISS then HIT with equal product data.");
        sourceDetails(app, details);
        AppFacts.details(reporter, details.toString());
        if (good == l.observations().size()) {
            return;
        }
        String msg = "Lazy loading on " + app.appUrl() + ": " + good + " of " + l.observations().size()
                + " uncached ids went MISS then HIT with equal data; " + String.join("; ", wrong)
                + ". Expected the first request to query MySQL and cache the product (MISS), and the second to be "
                + "served from Redis (HIT) with the same product.";
        if (good == 0) {
            Assertions.fail(msg);
        }
        throw new PartialCredit((double) good / l.observations().size(), msg);
    }

    private static String why(ProductObservation o) {
        if (o.first().problem() != null && !o.first().miss()) {
            return "the first answer broke the contract (" + o.first().problem() + ")";
        }
        if (!o.first().miss()) {
            return "the first request answered cache_status " + o.first().cacheStatus() + ", not MISS";
        }
        if (!o.second().hit()) {
            return "the second request answered cache_status " + o.second().cacheStatus() + ", not HIT"
                    + (o.second().problem() == null ? "" : " (" + o.second().problem() + ")");
        }
        if (!o.sameProduct()) {
            return "the HIT served different product data (" + o.second().product() + ") than the MISS ("
                    + o.first().product() + ")";
        }
        return null;
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
                    + "redis_client.setex(f'product:{product_id}', 3600, json.dumps(product)).")
    void keyPopulatedOnMiss(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        RedisKeysProbe keys = AppFacts.require(app.redis());
        LazyLoadProbe l = AppFacts.require(app.lazyLoad());
        List<Integer> missed = l.observations().stream().filter(o -> o.first().miss()).map(ProductObservation::id)
                .toList();
        if (missed.isEmpty()) {
            Assertions.fail("No request to " + app.appUrl() + "/product/{id} answered cache_status MISS"
                    + AppHealthChecks.firstProblem(l) + ", so there was no miss after which to look for product:<id> "
                    + "in Redis.");
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
        AppFacts.details(reporter, details.toString());
        if (!wrong.isEmpty()) {
            Assertions.fail("After a MISS on " + app.appUrl() + ", Redis at " + keys.endpoint() + " should hold "
                    + "product:<id> with the product served, but " + String.join("; ", wrong) + ".");
        }
    }

    @Check(id = "app_cache_hits_skip_database",
            title = "Cache hits do not query the database",
            remediation = "Return as soon as Redis has the product: query MySQL only on a miss, never before "
                    + "reading the cache or in addition to it.")
    void hitsSkipDatabase(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        DatabaseProbe db = AppFacts.require(app.database());
        long allowed = (long) Math.floor(db.hitRequests() * SELECTS_PER_HIT_ALLOWED);
        AppFacts.details(reporter, "Database " + db.url() + ": " + db.productCount() + " products (at least "
                + thresholds.minProducts() + " expected); during " + db.hitRequests() + " cache hits Com_select rose by "
                + db.selectsDuringHits() + " and Questions by " + db.questionsDuringHits() + "; the probe's own idle "
                + "window moved them by " + db.selectsControl() + " and " + db.questionsControl() + "; allowed "
                + allowed + " extra selects.");
        if (db.hitRequests() == 0) {
            Assertions.fail("No request to " + app.appUrl() + "/product/{id} answered HIT during the database "
                    + "window, so there were no cache hits whose database use could be measured; fix caching first.");
        }
        if (db.excessSelects() > allowed) {
            Assertions.fail("During " + db.hitRequests() + " cache hits on " + app.appUrl() + ", MySQL ran "
                    + db.excessSelects() + " SELECT statements (Com_select delta " + db.selectsDuringHits()
                    + " minus " + db.selectsControl() + " from the probe itself); expected at most " + allowed
                    + ", because a HIT must be answered from Redis without querying the database.");
        }
    }
}
