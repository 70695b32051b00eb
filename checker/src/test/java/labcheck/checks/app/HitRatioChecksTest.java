package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import labcheck.evidence.Fact;
import labcheck.evidence.app.StatsSnapshot;
import labcheck.evidence.app.StatsWindow;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class HitRatioChecksTest {

    private static final String ID = "app_hit_ratio_in_window";

    private static AppEvidenceFixture window(long dh, long dm, int oh, int om) {
        var f = new AppEvidenceFixture();
        f.stats = Fact.of(new StatsWindow(new StatsSnapshot(1000, 10, 1010, 99.0),
                new StatsSnapshot(1000 + dh, 10 + dm, 1010 + dh + dm, 99.0), oh, om, 0));
        return f;
    }

    @Test
    void isUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(ID, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void passesWhenTheWindowRatioIsHighAndAgreesWithWhatWasObserved() {
        var r = run(ID, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("lifetime hit_ratio_percent 95.1 (shown, not graded)");
    }

    @Test
    void failsWhenTheCountersDoNotMoveEvenThoughTheLifetimeRatioIs99() {
        var r = run(ID, window(0, 0, 132, 2).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("did not move").contains("not return fixed numbers");
    }

    @Test
    void failsWhenTheWindowRatioIsBelowTheThreshold() {
        var r = run(ID, window(60, 40, 60, 40).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("60.0%").contains("at least 80.0%");
    }

    @Test
    void failsWhenStatsAndTheAppsCacheStatusDisagree() {
        var r = run(ID, window(134, 0, 100, 34).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("must agree");
    }

    @Test
    void failsWhenStatsAnswersAnError() {
        var f = new AppEvidenceFixture();
        f.stats = AppEvidenceFixture.invalid("GET /stats");
        assertThat(run(ID, f.evidence()).outcome()).isEqualTo(Outcome.FAILED);
    }

    /** /stats moved by (dh, dm), Redis INFO by (rh, rm) of which the probe's own EXISTS were (ph, pm). */
    private static AppEvidenceFixture withRedis(long dh, long dm, long rh, long rm, int ph, int pm, int oh, int om) {
        var f = new AppEvidenceFixture();
        f.stats = Fact.of(new StatsWindow(new StatsSnapshot(1000, 10, 1010, 99.0),
                new StatsSnapshot(1000 + dh, 10 + dm, 1010 + dh + dm, 99.0), oh, om, 0,
                new StatsSnapshot(5000, 50, 5050, 99.0), new StatsSnapshot(5000 + rh, 50 + rm, 5050 + rh + rm, 99.0),
                ph, pm));
        return f;
    }

    @Test
    void passesOnRedisOwnCountersWhenTheAppSendsNoLabels() {
        var r = run(ID, withRedis(150, 12, 150, 12, 20, 5, 0, 0).evidence());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("Redis INFO over the same window").contains("Graded on Redis's counters");
    }

    @Test
    void failsWhenStatsMovesDifferentlyFromRedisInfo() {
        var r = run(ID, withRedis(300, 2, 150, 12, 20, 5, 0, 0).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("moved by 300 hits and 2 misses").contains("Redis INFO counted 150 hits");
    }

    @Test
    void failsWhenTheLabelsClaimARatioRedisDidNotCount() {
        // the app's own lookups: 130 hits, 7 misses (94.9%); the labels claim 50%
        var r = run(ID, withRedis(150, 12, 150, 12, 20, 5, 70, 70).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("claim a hit ratio of 50.0%").contains("Redis itself counted 94.9%");
    }

    @Test
    void failsBelowTheThresholdByRedisCountersLeavingOutTheProbesOwnLookups() {
        // Redis: 120 hits, 30 misses; 100 hits of them the probe's own EXISTS: the app's ratio is 20 / 50 = 40%
        var r = run(ID, withRedis(120, 30, 120, 30, 100, 0, 0, 0).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("40.0% by Redis's own counters");
    }
}
