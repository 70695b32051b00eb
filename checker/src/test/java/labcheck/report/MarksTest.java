package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarksTest {

    @Test
    void marksHaveAtMostTwoDecimalsRoundedHalfUpWithoutTrailingZeros() {
        assertThat(Marks.format(4.0)).isEqualTo("4");
        assertThat(Marks.format(2.5)).isEqualTo("2.5");
        assertThat(Marks.format(0.125)).isEqualTo("0.13");
        assertThat(Marks.format(1.005)).isEqualTo("1.01");
        assertThat(Marks.format(2.0 / 3)).isEqualTo("0.67");
        assertThat(Marks.format(-0.001)).isEqualTo("0");
        assertThat(Marks.format((Double) null)).isEmpty();
    }

    @Test
    void aRoundedMarkIsTheNumberItsFormatShows() {
        for (double d : new double[] {0.125, 1.005, 2.0 / 3, 4.0, 2.5, -0.001, 1.0 / 3 * 3}) {
            assertThat(Marks.format(Marks.round(d))).isEqualTo(Marks.format(d));
        }
        assertThat(Marks.round(0.125)).isEqualTo(0.13);
        assertThat(Marks.round(2.0 / 3)).isEqualTo(0.67);
    }

    @Test
    void templatesPrintNumbersWithTheSameFormatAsEveryOtherOutput() {
        CheckResult eighth = new CheckResult("1.1", "fixture_check_eighth", "An eighth", 0.125, 1, Outcome.PARTIAL,
                "An eighth of it.", "Do the rest.", null);
        Scoresheet sheet = new Scoresheet(1, "t", "1", "Title", "0", null, "2026-11-26T00:00:00Z", 0.125, 1,
                List.of(new ItemResult("1", "only", "Only", 0.125, 1, Outcome.PARTIAL, List.of(eighth))), List.of(),
                List.of());

        String text = Reports.withTemplates(null).terminal(sheet, false) + Reports.withTemplates(null).markdown(sheet);

        assertThat(text).contains("0.13").doesNotContain("0.12 ").doesNotContain("0.125");
    }
}
