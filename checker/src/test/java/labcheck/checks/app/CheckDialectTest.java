package labcheck.checks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Fact;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

/** Every check speaks one dialect: on a pass it says what it found, in a sentence of its own. */
class CheckDialectTest {

    @Test
    void everyCheckPassingOnTheLabDoneRightSaysWhatItFoundNotJustItsTitle() {
        Map<String, CheckRun> runs = CheckHarness.gradeAll(LabEvidence.correct().build()
                .withApp(Fact.of(new AppEvidenceFixture().build())));

        assertThat(CheckHarness.notPassed(runs)).as(CheckHarness.describe(runs)).isEmpty();
        assertThat(runs).allSatisfy((id, run) -> assertThat(run.message()).as(id).isNotBlank().endsWith(".")
                .doesNotContain("Fix:"));
        assertThat(runs.values()).extracting(CheckRun::outcome).containsOnly(Outcome.PASSED);
    }
}
