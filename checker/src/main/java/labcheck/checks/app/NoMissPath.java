package labcheck.checks.app;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RequestTrace;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/**
 * The lazy-loading checks on a cache with no miss path to observe: every product was cached
 * before labcheck's first request. The hits are still graded by the other items; whether these
 * checks earn marks is the rubric's call ({@code thresholds.lazyLoadingWhenNoMissPath}), never a
 * hard-coded one, and the reason says what was observed.
 */
final class NoMissPath {

    private NoMissPath() {
    }

    /**
     * Decides a check on a cache with no miss path: passes (credit, when the observed hits hold),
     * fails, or throws {@link Unverifiable}, by the rubric's policy.
     *
     * @param check what the check grades, e.g. "Lazy loading (MISS then HIT)"
     */
    static void decide(String check, AppEvidence app, LazyLoadProbe l, Thresholds thresholds, TestReporter reporter) {
        RightAnswers answers = RightAnswers.of(app);
        if (!answers.wrong().isEmpty()) {
            // another product served is a failure whatever the policy for an unobservable miss says
            Finding.WRONG_PRODUCT_SERVED.raise(reporter);
            fail(answers.failure(app));
        }
        String key = AppFacts.key(app);
        String why = l.describeNoMissPath(key);
        List<Integer> hits = l.observations().stream().filter(NoMissPath::servedFromCache)
                .map(ProductObservation::id).toList();
        String seen = hits.isEmpty() ? "none of the " + l.observations().size() + " cached products labcheck asked"
                + " for was served from Redis" : "labcheck's requests for products " + hits + " were served from"
                + " Redis with the same product twice";
        String policy = thresholds.lazyLoadingWhenNoMissPath();
        String rule = " (rubric thresholds.lazyLoadingWhenNoMissPath: " + policy + ")";
        if (Thresholds.NO_MISS_PATH_CREDIT.equals(policy)) {
            if (hits.isEmpty()) {
                fail(check + " on " + app.appUrl() + ": " + why + ", and " + seen + "; the rubric credits a cache"
                        + " with no miss path only when its hits are served from Redis" + rule + ". Fix: answer a"
                        + " request whose product is in Redis from Redis alone.");
            }
            Report.passed(reporter, check + " on " + app.appUrl() + " is credited by the rubric" + rule + ": " + why
                    + "; " + seen + ".");
            return;
        }
        if (Thresholds.NO_MISS_PATH_FAIL.equals(policy)) {
            fail(check + " on " + app.appUrl() + " could not be shown: " + why + "; " + seen + ", but the rubric asks"
                    + " for a miss path labcheck can observe" + rule + ". Fix: cache products when they are first"
                    + " requested (a miss reads MySQL and stores the product), not all in advance, or let the keys"
                    + " expire before grading.");
        }
        throw new Unverifiable(check + " on " + app.appUrl() + " could not be observed: " + why + "; " + seen
                + ". Without a miss there is no MISS then HIT to see" + rule + ".", "Run labcheck again once some"
                + " product keys have expired (their TTL is at most " + thresholds.ttlMaxSeconds() + " s), or let the"
                + " rubric reset a few of them (thresholds.resetCachedProductKeys: true).");
    }

    /** Whether the second request was served from Redis without querying the database, with the same product. */
    private static boolean servedFromCache(ProductObservation o) {
        return Served.of(o.second(), o.secondTrace()) == RequestTrace.Served.HIT && o.sameProduct();
    }
}
