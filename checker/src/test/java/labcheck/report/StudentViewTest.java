package labcheck.report;

import static labcheck.report.Outcome.FAILED;
import static labcheck.report.Outcome.PASSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rubric that withholds items: the student's sheets show "N of M shown marks; K marks are judged
 * later" and nothing of the withheld items but their titles and marks; the judges' outputs keep all.
 */
class StudentViewTest {

    private static Scoresheet sheet(Outcome withheldOutcome) {
        double got = withheldOutcome == PASSED ? 3 : 0;
        List<ItemResult> items = List.of(
                SampleScoresheets.item("1", "cluster", "Redis cluster created correctly", 4,
                        SampleScoresheets.check("1.1", "elasticache_cluster_found", "Cluster found", 4, 4, PASSED,
                                "Found.", null, null)),
                new ItemResult("2", "improvement", "Performance improvement", got, 3, withheldOutcome,
                        List.of(SampleScoresheets.check("2.1", "app_improvement_over_baseline", "Faster by 50%", got,
                                3, withheldOutcome, "SECRET-DETAIL the cache app is 12% faster.",
                                "SECRET-FIX serve hits from Redis.", null)), ItemResult.JUDGES),
                new ItemResult("3", "ratio", "Hit ratio", 2, 2, PASSED,
                        List.of(SampleScoresheets.check("3.1", "app_hit_ratio_in_window", "Ratio", 2, 2, PASSED,
                                "92%.", null, null)), ItemResult.AFTER_DEADLINE));
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, "0.1.0", "redis-caching-lab", "1.0", "Lab", null,
                "2026-11-26T14:00:00Z", 6 + got, 9, items, List.of(), List.of());
    }

    private final Reports student = Reports.withTemplates(null).studentFacing();
    private final Reports judges = Reports.withTemplates(null);

    @Test
    void givenWithheldItemsAllPassedWhenAStudentReadsTheSheetThenItSaysShownMarksAndNeverAllMarksEarned() {
        Scoresheet full = sheet(PASSED);

        for (String text : List.of(student.terminal(full, false), student.markdown(full), student.html(full))) {
            assertThat(text).contains("4 of 4 shown marks; 5 marks are judged later")
                    .doesNotContain("all 4 marks earned").doesNotContain("all 9 marks earned")
                    .contains("Performance improvement").doesNotContain("SECRET").doesNotContain("92%");
        }
        assertThat(student.shown(full).fullMarks()).as("the exit code's verdict").isFalse();
        assertThat(full.fullMarks()).as("the judges' verdict").isTrue();
    }

    @Test
    void givenAWithheldItemFailingWhenAStudentReadsTheSheetThenNeitherItsFixNorItsStepIsShown() {
        Scoresheet failing = sheet(FAILED);

        String text = student.terminal(failing, false);
        assertThat(text).doesNotContain("SECRET").contains("Nothing to fix in the shown items: 4 of 4 shown marks;"
                + " 5 marks are judged later.");
        assertThat(failing.forStudent().nextSteps()).isEmpty();
        assertThat(failing.forStudent().total()).isEqualTo(4.0);
    }

    @Test
    void givenWithheldItemsWhenJudgesReadTheOutputsThenEveryItemAndDetailIsThere() {
        Scoresheet failing = sheet(FAILED);

        assertThat(judges.terminal(failing, false)).contains("SECRET-DETAIL").contains("SECRET-FIX")
                .contains("TOTAL  6 / 9 marks");
        // the machine records keep everything even when written for a student
        assertThat(JsonReport.toJson(failing)).contains("SECRET-DETAIL").contains("\"visibility\" : \"judges\"");
        assertThat(JunitXmlReport.toXml(failing)).contains("SECRET-DETAIL");
    }

    @Test
    void givenTheRubricsVisibilityWhenWrittenForGradescopeThenEachTestCarriesGradescopesVisibility() {
        String results = GradescopeReport.toJson(sheet(FAILED));

        assertThat(results).contains("\"number\" : \"1.1\"").contains("\"visibility\" : \"visible\"")
                .contains("\"visibility\" : \"hidden\"").contains("\"visibility\" : \"after_due_date\"")
                .contains("4 of 4 shown marks (5 marks are judged later)").doesNotContain("6 / 9 marks");
    }
}
