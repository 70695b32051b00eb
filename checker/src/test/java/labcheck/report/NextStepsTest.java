package labcheck.report;

import static labcheck.report.Outcome.FAILED;
import static labcheck.report.Outcome.PASSED;
import static labcheck.report.Outcome.UNVERIFIABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "What to do next": one step per cause, by the cause's identity, the most marks at stake first. */
class NextStepsTest {

    private static CheckResult held(String number, double max, Cause cause, String remediation) {
        return new CheckResult(number, "id_" + number.replace('.', '_'), "Title " + number, 0, max, UNVERIFIABLE,
                "Message " + number + ".", remediation, null, List.of(), cause);
    }

    @Test
    void givenChecksWithOneCauseButDifferentTextsWhenGroupedThenTheyAreOneStepWithTheirMarksSummed() {
        Cause db = new Cause("AccessDenied", "mysql:jdbc:mysql://db:3306/ecommerce");
        List<ItemResult> items = List.of(SampleScoresheets.item("1", "a", "A", 3,
                held("1.1", 1, db, "Make it verifiable: MySQL refused user admin; set DB_PASSWORD."),
                held("1.2", 2, db, "Make it verifiable: another wording of the same cause.")));

        List<NextStep> steps = NextSteps.of(items, null);

        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(db);
            assertThat(s.fix()).isEqualTo("MySQL refused user admin; set DB_PASSWORD.");
            assertThat(s.marks()).isEqualTo(3.0);
            assertThat(s.checks()).containsExactly("1.1", "1.2");
        });
    }

    @Test
    void givenFailuresAndCausesWhenGroupedThenTheMostMarksComeFirstAndEachFailureIsItsOwnStep() {
        List<ItemResult> items = List.of(SampleScoresheets.item("1", "a", "A", 6,
                SampleScoresheets.check("1.1", "one", "One", 0, 1, FAILED, "Found x.", "Fix one.", null),
                SampleScoresheets.check("1.2", "two", "Two", 0, 1, FAILED, "Found y.", "Fix two", null),
                held("1.3", 3, new Cause("NotCollected", "--region"), "Make it verifiable: Give a region."),
                SampleScoresheets.check("1.4", "ok", "Ok", 1, 1, PASSED, "Fine.", null, null)));

        List<NextStep> steps = NextSteps.of(items, List.of());

        assertThat(steps).extracting(NextStep::fix).containsExactly("Give a region.", "Fix one.", "Fix two.");
        assertThat(steps).extracting(NextStep::cause).extracting(Cause::code)
                .containsExactly("NotCollected", Cause.CHECK_FAILED, Cause.CHECK_FAILED);
    }

    @Test
    void givenEveryCheckPassedWhenGroupedThenThereIsNothingToDo() {
        assertThat(SampleScoresheets.fullMarks().nextSteps()).isEmpty();
        assertThat(Reports.withTemplates(null).terminal(SampleScoresheets.fullMarks(), false))
                .contains("What to do next\n  Nothing to fix: all 4 marks earned.");
    }
}
