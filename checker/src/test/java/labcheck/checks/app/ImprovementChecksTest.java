package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import labcheck.evidence.Fact;
import labcheck.evidence.app.LatencySummary;
import labcheck.evidence.app.QueryTiming;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class ImprovementChecksTest {

    private static final String ID = "app_improvement_over_baseline";

    @Test
    void isUnverifiableWithoutABaselineApp() {
        var f = new AppEvidenceFixture();
        f.timing = Fact.notCollected("The timing comparison", "run with --baseline URL of the no-cache app.");
        var r = run(ID, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("--baseline");
    }

    @Test
    void passesWhenReportedAndMeasuredSavingsAgree() {
        var r = run(ID, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).isEqualTo("By the apps' own response_time_ms, the cache app at http://app:5001 is"
                + " 93.3% faster than the no-cache app (at least 50.0% expected), and the probe's own client measured"
                + " a saving of 4.400 ms per request (95% CI 3.900 to 4.900 ms).");
        assertThat(r.details()).contains("p50=").contains("95% CI").contains("improvement (seed formula");
    }

    @Test
    void passesOverASlowNetworkWhereTheRoundTripDilutesTheRatioButNotTheSaving() {
        var f = new AppEvidenceFixture();
        // 80 ms of round trip on both apps: measured ratio ~5%, saving still ~4.2 ms
        f.timing = Fact.of(AppEvidenceFixture.timing(0.3, 4.5, 80.3, 84.5, 4.2, 1.1, 7.3));
        assertThat(run(ID, f.evidence()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void failsBelowTheThresholdByTheSeedsOwnDefinition() {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(AppEvidenceFixture.timing(3.0, 4.5, 3.9, 5.4, 1.5, 1.0, 2.0));
        var r = run(ID, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("33.3%").contains("at least 50.0%");
    }

    @Test
    void scoresZeroWhenSelfReportedTimingsContradictTheMeasuredOnes() {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(AppEvidenceFixture.timing(0.05, 4.5, 5.6, 5.5, -0.1, -0.6, 0.4));
        var r = run(ID, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).startsWith("self-reported timings disagree with measured timings")
                .contains("4.450 ms").contains("-0.100 ms");
    }

    @Test
    void aSlowCacheAppWhoseClaimedSavingIsNotMeasuredGetsBothFailuresInOneRun() {
        var f = new AppEvidenceFixture();
        // 33% by the apps' own figures, and the 1.5 ms they claim is not seen by the probe's clock (at most 0.4 ms)
        f.timing = Fact.of(AppEvidenceFixture.timing(3.0, 4.5, 3.9, 5.4, 0.1, -0.2, 0.4));

        var r = run(ID, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message().lines()).hasSize(2);
        assertThat(r.message().lines().toList().get(0)).contains("improvement of 33.3%; expected at least 50.0%")
                .contains("Fix: ");
        assertThat(r.message().lines().toList().get(1)).startsWith("self-reported timings disagree")
                .contains("Fix: report response_time_ms measured around the whole request");
        assertThat(r.findings()).containsExactly("self_reported_timings_contradicted");
    }

    @Test
    void isUnverifiableWhenTheMeasurementIsTooNoisyToConfirmEitherWay() {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(AppEvidenceFixture.timing(0.3, 4.5, 1.2, 5.6, 2.0, -3.0, 9.0));
        var r = run(ID, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("too noisy").contains("EC2 instance");
    }

    @Test
    void failsWhenTheAppsGaveTooFewValidAnswers() {
        var f = new AppEvidenceFixture();
        f.timing = AppEvidenceFixture.invalid("GET /product/{id}");
        assertThat(run(ID, f.evidence()).outcome()).isEqualTo(Outcome.FAILED);
    }

    private static final LatencySummary POOLED = AppEvidenceFixture.summary(15, 0.3, 0.3, 0.5, 0.6, 0.7);
    private static final LatencySummary CONNECTED = AppEvidenceFixture.summary(7, 2.9, 2.9, 3.5, 3.8, 4.0);

    /** The work a miss needs, timed by labcheck; {@code connections} during the no-cache app's 110 requests. */
    private static Fact<QueryTiming> work(long connections) {
        return Fact.of(new QueryTiming("from labcheck's host, directly", POOLED, CONNECTED, 110L, connections));
    }

    /** A no-cache app sleeping 50 ms per request beside a cache app taking {@code appMs}, both reporting honestly. */
    private static AppEvidenceFixture slowedBaseline(double appMs, long connections) {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(AppEvidenceFixture.timing(appMs, 53, appMs + 0.5, 53.5, 53 - appMs, 52 - appMs, 54 - appMs)
                .toBuilder().database(work(connections)).build());
        return f;
    }

    @Test
    void givenANoCacheAppSlowerThanItsQueryWhenGradedThenItIsAFindingAndTheSlowCacheLosesTheItem() {
        var r = run(ID, slowedBaseline(20, 1).evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.findings()).containsExactly("baseline_slower_than_its_query");
        assertThat(r.message()).startsWith("The no-cache app is 32.700 ms slower than the query it needs: its median"
                + " is 53.500 ms by labcheck's clock, where the cache app's median 20.500 ms plus the query on an open"
                + " connection (0.300 ms, timed by labcheck from labcheck's host, directly) explain 20.800 ms")
                .contains("graded against the measured database path").contains("improvement of 1.4%")
                .contains("expected at least 50.0%").contains("Fix: let the no-cache app do only what a miss needs");
        assertThat(r.details()).contains("keeps its connections and is held to the query alone");
    }

    @Test
    void givenANoCacheAppSlowerThanItsQueryWhenTheCacheIsFastThenItStillEarnsTheItemWithTheFinding() {
        var f = slowedBaseline(0.5, 110);

        var r = run(ID, f.evidence());

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.findings()).containsExactly("baseline_slower_than_its_query");
        assertThat(r.message()).contains("graded against the measured database path instead").contains("74.4%")
                .doesNotContain("By the apps' own");
    }

    @Test
    void givenANoCacheAppWithinTheBoundWhenGradedThenItsTimeIsCorroboratedAndTheSeedFormulaDecides() {
        var f = new AppEvidenceFixture();
        f.timing = Fact.of(f.timing.value().toBuilder().database(work(110)).build());

        var r = run(ID, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.message()).startsWith("By the apps' own response_time_ms");
        assertThat(r.details()).contains("opens one per request").contains("exceeds by 1.500 ms the 4.100 ms this explains")
                .contains("so the no-cache app's time is corroborated.");
    }

    @Test
    void givenNoDatabaseAccessWhenGradedThenTheDetailsSayTheBaselineCouldNotBeCorroborated() {
        var f = slowedBaseline(20, 1);
        f.timing = Fact.of(f.timing.value().toBuilder().database(Fact.notCollected("Database counters",
                "run with --db-url jdbc:mysql://<rds-endpoint>:3306/ecommerce.")).build());

        var r = run(ID, f.evidence());

        assertThat(r.outcome()).as("graded on the apps' own figures, as before").isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("The no-cache app's time could not be corroborated").contains("--db-url");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void givenARubricThatAllowsMoreWhenTheNoCacheAppIsSlowedThenTheSeedFormulaDecidesAsBefore() {
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds lenient = seed.toBuilder().baselineExcessMaxMs(1000).build();

        var r = run(ID, slowedBaseline(20, 1).evidence(), lenient);

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.details()).contains("at most 1000.000 ms allowed");
    }
}
