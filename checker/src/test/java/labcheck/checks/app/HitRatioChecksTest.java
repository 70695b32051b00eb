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
}
