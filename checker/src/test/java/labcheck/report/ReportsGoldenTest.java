package labcheck.report;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Pins every text output of the renderers for {@link SampleScoresheets#everyCase()}: Markdown,
 * text (plain and coloured), JSON, JUnit XML and Gradescope. The HTML is checked by structure in
 * {@link HtmlScoresheetTest} instead, so its styling can change without churn.
 *
 * <p>After an intended change, regenerate the golden files and review them with {@code git diff}:
 * <pre>{@code
 * mvn -q -B -o -pl checker test -Dtest='ReportsGoldenTest' -Dgolden.update=true
 * }</pre>
 */
class ReportsGoldenTest {

    private final Reports reports = Reports.withTemplates(null);
    private final Scoresheet sheet = SampleScoresheets.everyCase();

    @Test
    void markdownMatchesGoldenFile() throws IOException {
        Golden.assertMatches("scoresheet.md", reports.markdown(sheet));
    }

    @Test
    void plainTextMatchesGoldenFile() throws IOException {
        Golden.assertMatches("scoresheet.txt", reports.terminal(sheet, false));
    }

    @Test
    void colouredTextMatchesGoldenFile() throws IOException {
        Golden.assertMatches("scoresheet.ansi.txt", reports.terminal(sheet, true));
    }

    @Test
    void jsonMatchesGoldenFile() throws IOException {
        Golden.assertMatches("scoresheet.json", JsonReport.toJson(sheet));
    }

    @Test
    void junitXmlMatchesGoldenFile() throws IOException {
        Golden.assertMatches("junit.xml", JunitXmlReport.toXml(sheet));
    }

    @Test
    void gradescopeResultsMatchGoldenFile() throws IOException {
        Golden.assertMatches("results.json", GradescopeReport.toJson(sheet));
    }
}
