package labcheck.checks.app;

import static labcheck.checks.app.AppEvidenceFixture.P7;
import static labcheck.checks.app.AppEvidenceFixture.P8;
import static labcheck.checks.app.AppEvidenceFixture.answer;
import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.ProductRow;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.evidence.app.SourceExcerpt;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class LazyLoadingChecksTest {

    private static final String MISS_HIT = "app_lazy_loading_miss_then_hit";
    private static final String KEY = "redis_product_key_populated_on_miss";
    private static final String SKIP_DB = "app_cache_hits_skip_database";

    @Test
    void missThenHitIsUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(MISS_HIT, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void missThenHitPassesAndShowsTheSourceExcerptToTheJudge() {
        var f = new AppEvidenceFixture();
        f.source = Fact.of(new SourceExcerpt("app_with_cache.py", 40, "  40 | @app.route('/product/<int:id>')\n", 47, 60));
        var r = run(MISS_HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("cache read at line 47").contains("DB query at line 60")
                .contains("cache read before the DB query").contains("@app.route");
    }

    @Test
    void missThenHitEarnsPartCreditWhenOneIdNeverHits() {
        var f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(
                new ProductObservation(7, false, answer("MISS", 4, P7), answer("HIT", 0.2, P7), true),
                new ProductObservation(8, false, answer("MISS", 4, P8), answer("MISS", 4, P8), true)), true, 1, 3));
        var r = run(MISS_HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.fraction()).isEqualTo(0.5);
        assertThat(r.message()).contains("product 8: the second request answered cache_status MISS");
    }

    @Test
    void missThenHitFailsWhenTheHitServesDifferentData() {
        var f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(
                new ProductObservation(7, false, answer("MISS", 4, P7), answer("HIT", 0.2, P8), false)), true, 1, 1));
        var r = run(MISS_HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("different product data");
    }

    @Test
    void keyIsUnverifiableWhenRedisIsUnreachable() {
        var f = new AppEvidenceFixture();
        f.redis = AppEvidenceFixture.unreachableRedis();
        var r = run(KEY, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("SSH tunnel");
    }

    @Test
    void keyPassesWhenRedisHoldsTheProductServed() {
        assertThat(run(KEY, new AppEvidenceFixture().evidence()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void keyFailsWhenTheKeyIsMissingOrHoldsOtherData() {
        var f = new AppEvidenceFixture();
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
                new RedisKeysProbe.KeyState(7, "product:7", false, -2, false, null),
                new RedisKeysProbe.KeyState(8, "product:8", true, 3590, false, "\"cached\""))));
        var r = run(KEY, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("product:7 does not exist").contains("product:8 holds \"cached\"");
    }

    @Test
    void skipDbIsUnverifiableWithoutDatabaseAccess() {
        var f = new AppEvidenceFixture();
        f.database = Fact.notCollected("Database counters", "run with --db-url.");
        assertThat(run(SKIP_DB, f.evidence()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void skipDbPassesWhenHitsCauseNoSelects() {
        var r = run(SKIP_DB, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("1005 products");
    }

    @Test
    void skipDbFailsWhenEveryHitRanASelect() {
        var f = new AppEvidenceFixture();
        f.database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 20, 21, 45, 1, 2));
        var r = run(SKIP_DB, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("MySQL ran 20 SELECT statements").contains("at most 2");
    }

    @Test
    void skipDbFailsWhenThereWereNoHitsToMeasure() {
        var f = new AppEvidenceFixture();
        f.database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 0, 0, 0, 0, 0));
        assertThat(run(SKIP_DB, f.evidence()).message()).contains("no cache hits");
    }

    private static final RequestTrace MISS = new RequestTrace(false, 1L, true);
    private static final RequestTrace HIT = new RequestTrace(true, 0L, true);
    private static final RequestTrace HIT_WITH_DB = new RequestTrace(true, 1L, true);

    private static AppEvidenceFixture traced(RequestTrace second, String firstLabel, String secondLabel) {
        var f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(
                new ProductObservation(7, false, answer(firstLabel, 4.1, P7), answer(secondLabel, 0.2, P7), true,
                        MISS, second),
                new ProductObservation(8, false, answer(firstLabel, 4.3, P8), answer(secondLabel, 0.2, P8), true,
                        MISS, second)), true, 0, 0));
        return f;
    }

    @Test
    void missThenHitPassesOnTheEvidenceWhenTheAppSendsNoCacheStatus() {
        var r = run(MISS_HIT, traced(HIT, null, null).evidence());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("decided on labcheck's own reads").contains("label absent");
    }

    @Test
    void hitsThatQueryTheDatabaseLoseTheWholeLazyLoadingItemBySeedRubric() {
        var e = traced(HIT_WITH_DB, "MISS", "HIT").evidence();
        assertThat(run(MISS_HIT, e).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run(MISS_HIT, e).message()).contains("Lazy loading is not implemented")
                .contains("product 7 was in Redis before its second request, yet MySQL ran 1 SELECT");
        assertThat(run(KEY, e).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run(SKIP_DB, e).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void hitsThatQueryTheDatabaseKeepTheShareTheRubricSets() {
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds quarter = new Thresholds(seed.clusterId(), seed.allowedNodeTypes(), seed.allowedEngines(), 7, 1,
                6379, 3600, 50, 80, 100, 1000, 0.25, 100);
        var e = traced(HIT_WITH_DB, "MISS", "HIT").evidence();
        assertThat(run(MISS_HIT, e, quarter).outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run(MISS_HIT, e, quarter).fraction()).isEqualTo(0.25);
        assertThat(run(MISS_HIT, e, quarter).message()).contains("at most 25.0%");
        assertThat(run(KEY, e, quarter).outcome()).isEqualTo(Outcome.PARTIAL);
    }

    @Test
    void aMissLabelledHitFailsMissThenHitAsALie() {
        var r = run(MISS_HIT, traced(HIT, "HIT", "HIT").evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("answered cache_status HIT while the database ran 1 SELECT")
                .contains("cache_status is a claim");
    }

    @Test
    void aHitLabelledMissFailsMissThenHitAsALie() {
        var r = run(MISS_HIT, traced(HIT, "MISS", "MISS").evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("answered cache_status MISS while product:<id> was already in Redis");
    }

    @Test
    void oneRequestsStraySelectIsNoiseWhenTheWholeHitWindowShowsNone() {
        // e.g. RDS's own background statement landed inside one request's bracket
        var f = traced(HIT_WITH_DB, "MISS", "HIT");
        f.database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 20, 0, 22, 0, 2, true));
        var e = f.evidence();
        assertThat(run(MISS_HIT, e).outcome()).as(run(MISS_HIT, e).message()).isEqualTo(Outcome.PASSED);
        assertThat(run(SKIP_DB, e).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run(MISS_HIT, e).findings()).isEmpty();
    }

    private static final ProductRow ROW7 = new ProductRow(7, "Product 7", "10.50", "Description for product 7", 5L);
    private static final ProductRow ROW8 = new ProductRow(8, "Product 8", "20.25", "Description for product 8", 9L);

    /** Product 8 asked for twice and answered with product 7 both times (a key that ignores the id). */
    private static AppEvidenceFixture eightAnsweredWith(String served, List<ProductRow> rows) {
        var f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(
                new ProductObservation(7, false, answer("MISS", 4.1, P7), answer("HIT", 0.2, P7), true),
                new ProductObservation(8, false, answer("HIT", 0.3, served), answer("HIT", 0.2, served), true)),
                true, 3, 1));
        f.database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 20, 0, 22, 0, 2, true, rows));
        return f;
    }

    @Test
    void givenTheDatabaseRowsWhenProductEightIsAnsweredWithProductSevenThenTheWholeItemFailsWithTheFinding() {
        var e = eightAnsweredWith(P7, List.of(ROW7, ROW8)).evidence();

        var r = run(MISS_HIT, e);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).contains("wrong_product_served");
        assertThat(r.message()).contains("2 of 4 answers did not carry the product asked for")
                .contains("GET /product/8 (cache_status HIT) answered product 7 (Product 7); the database's is"
                        + " product 8 (Product 8)")
                .contains("compared with the database's row").contains("Fix: build the cache key from the requested id");
        assertThat(run(KEY, e).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run(SKIP_DB, e).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run(SKIP_DB, e).message()).contains("answered product 7");
    }

    @Test
    void givenTheDatabaseRowsWhenEveryAnswerCarriesItsProductThenItPassesAndSaysWhatWasCompared() {
        var f = new AppEvidenceFixture();
        f.database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 20, 0, 22, 0, 2, true,
                List.of(ROW7, ROW8)));

        var r = run(MISS_HIT, f.evidence());

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("4 of 4 answers carried the product asked for")
                .contains("views may differ");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void givenTheDatabaseRowsWhenTheRightIdCarriesAnotherPriceThenTheFieldIsNamed() {
        var e = eightAnsweredWith("{\"id\":8,\"name\":\"Product 8\",\"price\":2.25}", List.of(ROW7, ROW8))
                .evidence();

        var r = run(MISS_HIT, e);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("answered product 8 with price 2.25 where the database has 20.25");
    }

    @Test
    void givenNoDatabaseRowsWhenAnAnswerNamesAnotherIdThenItIsWrongByTheAnswerItself() {
        var r = run(MISS_HIT, eightAnsweredWith(P7, null).evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).contains("wrong_product_served");
        assertThat(r.message()).contains("GET /product/8 (cache_status HIT) answered product 7 (Product 7)")
                .contains("rows were not read from here (run with --db-url)");
    }

    @Test
    void givenNoDatabaseRowsWhenTwoIdsAreAnsweredOneProductWithoutIdsThenItIsAFinding() {
        String laptop = "{\"name\":\"Laptop\",\"price\":999.99}";
        var f = eightAnsweredWith(laptop, null);
        f.lazy = Fact.of(new LazyLoadProbe(List.of(
                new ProductObservation(7, false, answer("MISS", 4.1, laptop), answer("HIT", 0.2, laptop), true),
                new ProductObservation(8, false, answer("HIT", 0.3, laptop), answer("HIT", 0.2, laptop), true)),
                true, 3, 1));

        var r = run(MISS_HIT, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).contains("wrong_product_served");
        assertThat(r.message()).contains("GET /product/8 answered the same product as GET /product/7 (a product named Laptop)");
    }

    @Test
    void givenNoDatabaseRowsWhenEachIdGetsItsOwnProductThenNothingIsWrong() {
        var f = new AppEvidenceFixture();
        f.database = Fact.notCollected("Database counters", "run with --db-url.");

        var r = run(MISS_HIT, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("4 of 4 answers carried the product asked for")
                .contains("compared with the id asked and with the answers for the other ids");
    }
}
