package labcheck.checks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.KeyScheme;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.evidence.app.StatsSnapshot;
import labcheck.evidence.app.StatsWindow;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * The app checks on evidence of other cache shapes: the key scheme found named in every text, a
 * cache with no miss path decided by the rubric's policy, and honest MISS labels for ids that
 * never reach Redis kept apart from lies.
 */
class ShapesOnEvidenceTest {

    private static final String MISS_HIT = "app_lazy_loading_miss_then_hit";
    private static final String KEY = "redis_product_key_populated_on_miss";
    private static final String RATIO = "app_hit_ratio_in_window";

    private static final KeyScheme V2_DB1 = new KeyScheme(1, "product:v2:", "", "hash", KeyScheme.APPEARED,
            "product:v2:7", null);
    private static final RequestTrace HIT = new RequestTrace(true, 0L, true, 1L);
    private static final RequestTrace MISS = new RequestTrace(false, 1L, true, 1L);
    private static final RequestTrace BYPASS = new RequestTrace(false, 1L, false, 0L);

    private static Thresholds policy(String noMissPath) {
        return Thresholds.seedDefaults().toBuilder().lazyLoadingWhenNoMissPath(noMissPath).build();
    }

    /** Product 7 or 8 requested twice: the two labels and what labcheck saw around each request. */
    private static ProductObservation seen(int id, String first, String second, RequestTrace t1, RequestTrace t2) {
        String p = id == 7 ? AppEvidenceFixture.P7 : AppEvidenceFixture.P8;
        return new ProductObservation(id, t1.keyBefore(), AppEvidenceFixture.answer(first, 4.1, p),
                AppEvidenceFixture.answer(second, 0.2, p), true, t1, t2);
    }

    /** Every product was cached before the first request: both ids served twice from Redis. */
    private static AppEvidenceFixture allCached(RequestTrace second) {
        AppEvidenceFixture f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(seen(7, "HIT", "HIT", HIT, second),
                seen(8, "HIT", "HIT", HIT, second)), true, 134, 0, new LazyLoadProbe.AllCached(30, 6, 1005), List.of()));
        return f;
    }

    @Test
    void withNoMissPathTheSeedRubricLeavesLazyLoadingUnverifiableWithTheReasonAndHowToObserveAMiss() {
        Evidence e = allCached(HIT).evidence();

        CheckRun r = CheckHarness.run(MISS_HIT, e);
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("no miss path observed: every product was cached before the first request"
                + " (all 30 ids labcheck chose at random from 6-1005 were in Redis as product:<id>")
                .contains("products [7, 8] were served from Redis");
        assertThat(r.howToVerify()).contains("thresholds.resetCachedProductKeys: true");
        assertThat(CheckHarness.run(KEY, e).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        // the hits are graded all the same
        assertThat(CheckHarness.run("app_cache_hit_observed", e).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(CheckHarness.run("redis_product_key_ttl_set", e).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void withNoMissPathARubricThatCreditsItPassesOnlyWhenTheHitsCameFromRedis() {
        Thresholds credit = policy(Thresholds.NO_MISS_PATH_CREDIT);

        CheckRun good = CheckHarness.run(MISS_HIT, allCached(HIT).evidence(), credit);
        CheckRun querying = CheckHarness.run(MISS_HIT, allCached(new RequestTrace(true, 1L, true, 1L)).evidence(),
                credit);

        assertThat(good.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(good.message()).contains("credited by the rubric (rubric thresholds.lazyLoadingWhenNoMissPath:"
                + " credit)");
        assertThat(querying.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(querying.message()).contains("none of the 2 cached products").contains(" Fix: ");
    }

    @Test
    void withNoMissPathACreditingRubricStillFailsAnAnswerThatCarriesAnotherProduct() {
        // product 7 asked for twice, product 8 served twice from Redis: a cache keyed wrongly, not a warm one
        AppEvidenceFixture f = new AppEvidenceFixture();
        ProductObservation wrong = new ProductObservation(7, true, AppEvidenceFixture.answer("HIT", 4.1,
                AppEvidenceFixture.P8), AppEvidenceFixture.answer("HIT", 0.2, AppEvidenceFixture.P8), true, HIT, HIT);
        f.lazy = Fact.of(new LazyLoadProbe(List.of(wrong, seen(8, "HIT", "HIT", HIT, HIT)), true, 134, 0,
                new LazyLoadProbe.AllCached(30, 6, 1005), List.of()));

        CheckRun r = CheckHarness.run(MISS_HIT, f.evidence(), policy(Thresholds.NO_MISS_PATH_CREDIT));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).contains("wrong_product_served");
        assertThat(r.message()).contains("/product/7").doesNotContain("credited by the rubric");
    }

    @Test
    void withNoMissPathARubricThatFailsItSaysWhyAndHowToFix() {
        CheckRun r = CheckHarness.run(KEY, allCached(HIT).evidence(), policy(Thresholds.NO_MISS_PATH_FAIL));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("could not be shown: no miss path observed").contains("Fix: cache products"
                + " when they are first requested");
    }

    @Test
    void theKeySchemeFoundIsNamedInTheTextsInsteadOfTheLabsKey() {
        AppEvidenceFixture f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(seen(7, "MISS", "MISS", MISS, HIT)), true, 1, 1));
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(new RedisKeysProbe.KeyState(7,
                "product:v2:7", true, 3590, true, "{\"id\":\"7\"}", "hash", null))));
        Evidence e = CheckHarness.evidence(Fact.of(f.build().toBuilder().keyScheme(V2_DB1).build()));

        CheckRun lazy = CheckHarness.run(MISS_HIT, e);
        assertThat(lazy.message()).contains("answered cache_status MISS while product:v2:<id> in db 1 was already in"
                + " Redis").contains("read product:v2:<id> in db 1 from Redis first").doesNotContain("product:<id>");
        CheckRun key = CheckHarness.run(KEY, e);
        assertThat(key.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(key.details()).contains("product:v2:7 = a hash {\"id\":\"7\"}").contains("Product keys: keys like"
                + " product:v2:<id> in db 1 (hash values), found when product:v2:7 appeared in Redis during a request"
                + " that missed.");
    }

    @Test
    void aValueLabcheckCannotReadLeavesItsCheckUnverifiableNotFailed() {
        AppEvidenceFixture f = new AppEvidenceFixture();
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
                new RedisKeysProbe.KeyState(7, "product:7", true, 3590, false, null, "ReJSON-RL", "JSON.GET is not"
                        + " available on this Redis (the RedisJSON module is not loaded for this client)"),
                new RedisKeysProbe.KeyState(8, "product:8", true, 3590, true, AppEvidenceFixture.P8))));

        CheckRun r = CheckHarness.run(KEY, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("product:7 is a ReJSON-RL that could not be read (JSON.GET is not available");
        assertThat(CheckHarness.run("redis_product_key_ttl_set", f.evidence()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anIdThatNeverReachesRedisIsReportedAsNeverCachedWithTheCoverageNotAsALie() {
        AppEvidenceFixture f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(seen(7, "MISS", "HIT", MISS, HIT),
                seen(8, "MISS", "MISS", BYPASS, BYPASS)), true, 1, 3));
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
                new RedisKeysProbe.KeyState(7, "product:7", true, 3590, true, AppEvidenceFixture.P7),
                new RedisKeysProbe.KeyState(8, "product:8", false, -2, false, null)),
                new RedisKeysProbe.Coverage(1005, "1-100", "101-1005", 100)));

        CheckRun lazy = CheckHarness.run(MISS_HIT, f.evidence());
        assertThat(lazy.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(lazy.message()).contains("product 8: it was never cached: neither request asked Redis")
                .contains("after the probe Redis held keys for ids 1-100 only (100 of 1-1005); ids 101-1005 had none");
        assertThat(lazy.findings()).isEmpty();
        assertThat(CheckHarness.run(KEY, f.evidence()).message()).contains("product:8 does not exist; after the"
                + " probe Redis held keys for ids 1-100 only");
    }

    @Test
    void missLabelsForRequestsThatNeverReachedRedisAreLeftOutOfTheRatioTheLabelsClaim() {
        StatsSnapshot before = new StatsSnapshot(0, 0, 0, 0);
        // the labels: 100 HIT and 20 MISS, 18 of them to ids the app never looks up in Redis
        StatsSnapshot after = new StatsSnapshot(100, 2, 102, 98.04);
        AppEvidenceFixture honest = new AppEvidenceFixture();
        honest.stats = Fact.of(new StatsWindow(before, after, 100, 20, 0, before, after, 0, 0, 18));
        AppEvidenceFixture unexplained = new AppEvidenceFixture();
        unexplained.stats = Fact.of(new StatsWindow(before, after, 100, 20, 0, before, after, 0, 0, 0));

        CheckRun ok = CheckHarness.run(RATIO, honest.evidence());
        CheckRun lie = CheckHarness.run(RATIO, unexplained.evidence());

        assertThat(ok.outcome()).as(ok.message()).isEqualTo(Outcome.PASSED);
        assertThat(ok.findings()).isEmpty();
        assertThat(ok.details()).contains("18 of the MISS to requests that never reached Redis");
        assertThat(lie.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(lie.findings()).containsExactly("cache_status_contradicted");
    }
}
