package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    /** Shaped like an AWS access key id, assembled here so no key-shaped literal is committed. */
    private static final String FAKE_KEY_ID = "AKIA" + "ABCDEFGHIJKLMNOP";

    @TempDir
    Path out;

    private final Reports reports = Reports.withTemplates(null);
    private final Scoresheet sheet = SampleScoresheets.everyCase();

    @Test
    void writeAllWritesTheSixReportsAndNoTemporaryFiles() throws Exception {
        List<Path> written = reports.writeAll(sheet, out.resolve("new/dir"));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(Reports.FILES);
        try (Stream<Path> files = Files.list(out.resolve("new/dir"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(Reports.FILES);
        }
        assertThat(Files.readString(written.get(3), StandardCharsets.UTF_8)).isEqualTo(JsonReport.toJson(sheet));
        assertThat(Files.readString(written.get(2), StandardCharsets.UTF_8))
                .isEqualTo(reports.terminal(sheet, false)).doesNotContain("\u001B");
    }

    @Test
    void writeAllReplacesAnEarlierSetInPlace() throws Exception {
        reports.writeAll(SampleScoresheets.fullMarks(), out);

        reports.writeAll(sheet, out);

        assertThat(JsonReport.fromJson(Files.readString(out.resolve("scoresheet.json")), "scoresheet.json"))
                .isEqualTo(sheet);
    }

    @Test
    void aSecretInAMessageIsRedactedInEveryReportAndTheReportsAreStillWritten() throws Exception {
        Scoresheet leaky = withFirstMessage(sheet, "Found " + FAKE_KEY_ID + " in the app's environment.");

        List<Path> written = reports.writeAll(leaky, out);

        assertThat(written).hasSize(Reports.FILES.size());
        for (Path f : written) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(FAKE_KEY_ID);
        }
        assertThat(Files.readString(out.resolve("scoresheet.txt"))).contains("Found [redacted] in the app's");
    }

    @Test
    void theTerminalSheetRedactsASecretToo() {
        Scoresheet leaky = withFirstMessage(sheet, "redis://default:hunter2@cache.example.com:6379");

        assertThat(reports.terminal(leaky, true)).doesNotContain("hunter2").contains("redis://[redacted]@cache");
    }

    @Test
    void terminalColoursOnlyWhenAsked() {
        String plain = reports.terminal(sheet, false);
        String coloured = reports.terminal(sheet, true);

        assertThat(plain).doesNotContain("\u001B");
        assertThat(coloured).contains("\u001B[32mPASSED", "\u001B[31mFAILED", "\u001B[35mUNVERIFIABLE", "\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void terminalSpellsOutEscapeSequencesFromEvidenceInsteadOfObeyingThem() {
        String coloured = reports.terminal(sheet, true);

        assertThat(coloured).contains("\\u001B[31mred\\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).doesNotContain("\u001B");
    }

    @Test
    void printableKeepsTextButSpellsOutControlAndBidiCharacters() {
        assertThat(Printable.text("Zoë 😀 tab\there\r\nnext")).isEqualTo("Zoë 😀 tab\there\nnext");
        assertThat(Printable.text("a\u0007b\u202Ec\rd\uD800")).isEqualTo("a\\u0007b\\u202Ec\\u000Dd\\uD800");
    }

    @Test
    void rendersEveryFormatForAScoresheetWithOnlyTheRequiredFields() throws Exception {
        Scoresheet sparse = SampleScoresheets.sparse();

        List<Path> written = reports.writeAll(sparse, out);

        assertThat(written).hasSize(6);
        assertThat(Files.readString(out.resolve("scoresheet.txt"))).contains("TOTAL  0 / 4 marks")
                .contains("elasticache_cluster_found");
        assertThat(Xml.text(Xml.parse(Files.readString(out.resolve("scoresheet.html"))), "//*[@id='total']/@data-max"))
                .isEqualTo("4");
        assertThat(Xml.text(Xml.parse(Files.readString(out.resolve("junit.xml"))), "//testcase/skipped/@message"))
                .isEqualTo("UNVERIFIABLE");
        assertThat(GradescopeReportTest.violations(new ObjectMapper().readTree(
                Files.readString(out.resolve("results.json"))))).isEmpty();
    }

    @Test
    void rejectsAMissingScoresheetWithAClearMessage() {
        assertThatThrownBy(() -> reports.writeAll(null, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scoresheet");
    }

    @Test
    void jsonIsTheSameBytesForTheSameScoresheet() {
        assertThat(JsonReport.toJson(SampleScoresheets.everyCase())).isEqualTo(JsonReport.toJson(sheet));
    }

    private static Scoresheet withFirstMessage(Scoresheet s, String message) {
        List<ItemResult> items = new ArrayList<>(s.items());
        ItemResult first = items.get(0);
        List<CheckResult> checks = new ArrayList<>(first.checks());
        CheckResult c = checks.get(0);
        checks.set(0, new CheckResult(c.number(), c.id(), c.title(), 0, c.max(), Outcome.FAILED, message,
                null, null));
        items.set(0, new ItemResult(first.number(), first.id(), first.title(), first.marks(), first.max(),
                first.status(), checks));
        return new Scoresheet(s.schemaVersion(), s.labcheckVersion(), s.rubricId(), s.rubricVersion(),
                s.rubricTitle(), s.student(), s.gradedAt(), s.total(), s.max(), items, s.bonus(), s.notes());
    }
}
