package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import labcheck.evidence.Fact;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class CacheWarmingChecksTest {

    private static final String WARM = "app_cache_warmed_top_products";

    @Test
    void isUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(WARM, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void passesWhenTheHundredMostViewedWereCachedBeforeTheProbe() {
        var r = run(WARM, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("held 100 of the 100 most viewed products");
    }

    @Test
    void failsWhenNoneOfTheMostViewedWasCached() {
        var f = new AppEvidenceFixture();
        f.warm = Fact.of(AppEvidenceFixture.warm(1000, 0));
        var r = run(WARM, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("held 0 of the 100 most viewed").contains("missing e.g. product:1000");
    }

    @Test
    void theFixAsksForAsManyProductsAsTheRubricDoes() {
        var f = new AppEvidenceFixture();
        f.warm = Fact.of(AppEvidenceFixture.warm(1000, 0));
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds top50 = new Thresholds(seed.clusterId(), seed.allowedNodeTypes(), seed.allowedEngines(), 7, 1, 6379,
                900, 50, 80, 100, 1000, 0, 50);

        var r = run(WARM, f.evidence(), top50);

        assertThat(r.message()).contains("held 0 of the 50 most viewed").contains("ORDER BY views DESC, id LIMIT 50")
                .contains("SETEX product:<id> 900 <json>");
    }

    @Test
    void someOfTheMostViewedEarnTheirShare() {
        var f = new AppEvidenceFixture();
        f.warm = Fact.of(AppEvidenceFixture.warm(1000, 40));
        var r = run(WARM, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.fraction()).isEqualTo(0.4);
    }

    @Test
    void isUnverifiableFromOutsideTheVpcAndForOlderBundles() {
        var f = new AppEvidenceFixture();
        f.warm = AppEvidenceFixture.unreachableRedis();
        assertThat(run(WARM, f.evidence()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        f.warm = null;
        var r = run(WARM, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.howToVerify()).contains("Probe the app again");
    }
}
