package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.WarmCacheProbe;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Extension 2: cache warming, judged on what Redis held before the probe's own requests. */
public class CacheWarmingChecks {

    @Check(id = "app_cache_warmed_top_products",
            needs = {EvidencePart.APP_WARM_CACHE},
            title = "The most viewed products are in the cache before the first request (cache warming)",
            remediation = "At start-up, before serving, cache the most viewed products: SELECT * FROM products ORDER BY"
                    + " views DESC, id LIMIT ${warmTopProducts}, then SETEX product:<id> ${ttlMaxSeconds} <json> for"
                    + " each (one pipeline), e.g. reference-app warm --top ${warmTopProducts} or the app's --warm"
                    + " ${warmTopProducts}.")
    void warmed(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        AppEvidence app = AppFacts.app(evidence);
        if (app.warmCache() == null) {
            throw new Unverifiable("This evidence was collected before labcheck read the most viewed products' keys.",
                    "Probe the app again with this labcheck (with --redis and --db-url).");
        }
        WarmCacheProbe w = AppFacts.require(app.warmCache());
        int n = Math.min(thresholds.warmTopProducts(), w.topIds().size());
        if (n == 0) {
            fail("The database behind " + app.appUrl() + " holds no products, so there is nothing to warm. Fix: load"
                    + " the lab's products into the database, then warm the cache at start-up.");
        }
        int present = w.presentAmongTop(n);
        List<Integer> missing = w.missingAmongTop(n, 10);
        Report.details(reporter, w.describe(n) + " (thresholds.warmTopProducts " + thresholds.warmTopProducts()
                + "). A cache that served all of them shortly before counts too: the keys are what is observable.");
        new Conditions().partly((double) present / n, "Before labcheck's first request, Redis at " + w.endpoint()
                + " held " + present + " of the " + n + " most viewed products of " + app.appUrl()
                + (missing.isEmpty() ? "" : " (missing e.g. product:" + missing.get(0) + ")") + "; a warmed cache"
                + " holds all " + n + ", so the first visitors of the popular products are served from it. Fix: at"
                + " start-up, SELECT the " + n + " most viewed products (ORDER BY views DESC, id LIMIT " + n + ") and"
                + " SETEX product:<id> " + thresholds.ttlMaxSeconds() + " <json> for each, in one pipeline.").verify();
        Report.passed(reporter, "Before labcheck's first request, Redis at " + w.endpoint() + " already held all "
                + n + " most viewed products of " + app.appUrl() + ".");
    }
}
