package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text sheet's columns line up for every number, mark and status: pinned as a golden file
 * ({@code columns.scoresheet.txt}), and checked by position so a regenerated file cannot hide a ragged row.
 */
class TextColumnsGoldenTest {

    private final String text = Reports.withTemplates(null).terminal(SampleScoresheets.columns(), false);

    @Test
    void givenLongIdsDecimalsAndEveryStatusWhenRenderedThenTheTextMatchesItsGoldenFile() throws IOException {
        Golden.assertMatches("columns.scoresheet.txt", text);
    }

    @Test
    void givenLongIdsDecimalsAndEveryStatusWhenRenderedThenSlashStatusAndTitleStartInOneColumnOnEveryRow() {
        List<String> rows = text.lines().filter(l -> l.matches("(B?\\d+|  B?\\d+\\.\\d+) .*")).toList();
        assertThat(rows).hasSize(10);
        int slash = rows.get(0).indexOf(" / ");
        int status = rows.get(0).indexOf("PARTIAL");
        for (String row : rows) {
            assertThat(row.indexOf(" / ")).as(row).isEqualTo(slash);
            int title = status + "UNVERIFIABLE".length() + 2;
            assertThat(row.substring(status, title)).as(row).matches("(PASSED|PARTIAL|FAILED|UNVERIFIABLE|ERROR) *");
            assertThat(row.charAt(status - 1)).as(row).isEqualTo(' ');
            assertThat(row.charAt(title)).as(row).isNotEqualTo(' ');
        }
        assertThat(text).doesNotContain("UNVERIFIABLE0");
    }

    @Test
    void givenChecksHeldBackByOneCauseWhenRenderedThenTheCauseIsOneStepAndEachCheckPointsToIt() {
        assertThat(text).containsOnlyOnce("No AWS region or credentials were given: run with --region REGION.")
                .contains("[5.5 marks] No AWS region or credentials were given: run with --region REGION. (checks"
                        + " 1.2, 12.12, B10.1)")
                .doesNotContain("Make it verifiable");
    }
}
