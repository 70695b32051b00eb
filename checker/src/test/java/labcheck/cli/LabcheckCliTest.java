package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabcheckCliTest {

    private static final String RUBRIC = "src/test/resources/rubrics/infrastructure.yaml";
    private static final String BUNDLES = "src/test/resources/bundles/";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Labcheck());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheSubcommandsAndEveryExitCode() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("grade", "rubric", "Exit codes:", "0   graded, all marks earned",
                "1   internal error", "2   usage or input error", "3   graded, some marks lost");
    }

    @Test
    void gradingALabDoneRightExitsZeroAndWritesTheScoresheets() throws IOException {
        int code = run("grade", BUNDLES + "correct", "--rubric", RUBRIC, "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.ALL_MARKS);
        assertThat(out.toString()).contains("TOTAL  6 / 6 marks").contains("wrote " + tmp.resolve("scoresheet.json"));
        assertThat(Files.readString(tmp.resolve("scoresheet.json"))).contains("\"total\" : 6.0");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void gradingWithMarksLostExitsThreeAndPrintsEachFix() {
        int code = run("grade", BUNDLES + "mistakes", "--rubric", RUBRIC, "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("TOTAL  3 / 6 marks").contains("still being created (status 'creating')");
    }

    @Test
    void aMissingBundleIsAnInputErrorWithoutAStackTrace() {
        int code = run("grade", tmp.resolve("nothing").toString(), "--rubric", RUBRIC, "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck: no evidence bundle at ").doesNotContain("\tat ");
    }

    @Test
    void anInvalidRubricIsAnInputErrorNamingFileAndLine() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(RUBRIC)).replace("elasticache_cluster_available",
                "elasticache_cluster_availble"));

        int code = run("grade", BUNDLES + "correct", "--rubric", bad.toString(), "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: " + bad + ", line 25: check id 'elasticache_cluster_availble'"
                + " is unknown to this labcheck. Fix: did you mean 'elasticache_cluster_available'? Use an id that"
                + " `labcheck rubric` lists, or upgrade labcheck if the rubric is newer.\n");
    }

    @Test
    void aBundleOfAnotherSchemaVersionIsAnInputError() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve(EvidenceBundle.FILE_NAME), "{\"schemaVersion\": 99}");

        int code = run("grade", dir.toString(), "--rubric", RUBRIC, "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("evidence schema version 99 is not supported");
    }

    @Test
    void anEmptyEvidenceFileIsAnInputErrorSayingItIsEmpty() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(dir.resolve(EvidenceBundle.FILE_NAME), "");

        int code = run("grade", dir.toString(), "--rubric", RUBRIC, "--out", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("evidence.json is empty (a copy cut short").doesNotContain("version -1");
    }

    @Test
    void anEvidenceFileSavedWithAByteOrderMarkIsGraded() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bom"));
        Files.writeString(dir.resolve(EvidenceBundle.FILE_NAME), "\uFEFF"
                + Files.readString(Path.of(BUNDLES + "correct", EvidenceBundle.FILE_NAME)));

        int code = run("grade", dir.toString(), "--rubric", RUBRIC, "--out", tmp.resolve("out").toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.ALL_MARKS);
    }

    @Test
    void aBundleSavedAsUtf16OrLatin1IsNamedAsSuchWithTheFixInsteadOfInputLengthOne() throws IOException {
        String json = Files.readString(Path.of(BUNDLES + "correct", EvidenceBundle.FILE_NAME));
        Path utf16 = Files.createDirectories(tmp.resolve("utf16"));
        Files.write(utf16.resolve(EvidenceBundle.FILE_NAME), json.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        Path latin1 = Files.createDirectories(tmp.resolve("latin1"));
        Files.write(latin1.resolve(EvidenceBundle.FILE_NAME), json.replaceFirst("\\{", "{\"note\": \"caf\u00e9\",")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        int a = run("grade", utf16.toString(), "--rubric", RUBRIC, "--out", tmp.resolve("out").toString());
        int b = run("grade", latin1.toString(), "--rubric", RUBRIC, "--out", tmp.resolve("out").toString());

        assertThat(a).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(b).isEqualTo(ExitCodes.INPUT_ERROR);
        Path f = utf16.resolve(EvidenceBundle.FILE_NAME);
        Path g = latin1.resolve(EvidenceBundle.FILE_NAME);
        assertThat(err.toString()).contains("labcheck: " + f + " is saved as UTF-16 (with a byte-order mark);"
                + " labcheck reads UTF-8. Fix: save it as UTF-8: iconv -f UTF-16 -t UTF-8 " + f,
                "labcheck: " + g + " is not UTF-8: byte 0xE9 on line 1", "iconv -f LATIN1 -t UTF-8 " + g)
                .doesNotContain("Input length");
    }

    @Test
    void aBundleWithNoFactsIsRefusedInsteadOfGradedZero() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("hollow"));
        Files.writeString(dir.resolve(EvidenceBundle.FILE_NAME), "{\"schemaVersion\": 1, \"subject\": {}}");

        int code = run("grade", dir.toString(), "--rubric", RUBRIC, "--out", tmp.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("holds no facts (no AWS evidence and no app evidence)");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aTemplatesPathThatIsNotADirectoryIsAnInputError() {
        int code = run("grade", BUNDLES + "correct", "--rubric", RUBRIC, "--templates", "no/such/dir");

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck: --templates no/such/dir is not a directory.");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("grade", BUNDLES + "correct", "--frobnicate")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("Missing a command");
    }

    @Test
    void rubricCommandShowsItemsChecksMarksAndThresholds() {
        int code = run("rubric", "--rubric", RUBRIC);

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Total: 6 marks; bonus marks are extra.")
                .contains("  1. Redis cluster created correctly  [4 marks]")
                .contains("     1.1 elasticache_cluster_found  0.5  The Redis cluster exists with the lab's id")
                .contains("  B1. Extension 4: CloudWatch alarm for a cache hit ratio below 80%  [0 marks]")
                .contains("  allowedNodeTypes: [cache.t2.micro]")
                .contains("  hitRatioPercent: 80" + System.lineSeparator());
    }

    @Test
    void rubricCommandWritesThresholdsAsTheRubricDoesNotAsJavaDoubles() {
        run("rubric", "--rubric", RUBRIC);

        // Double.toString wrote 80.0 and 50.0 where the rubric and every message write 80 and 50
        assertThat(out.toString()).contains("  improvementPercent: 50" + System.lineSeparator())
                .contains("  lazyLoadingShareWhenHitsQueryDb: 0" + System.lineSeparator())
                .doesNotContain(".0" + System.lineSeparator());
    }

    @Test
    void gradeHelpListsItsOptions() {
        run("grade", "--help");

        assertThat(out.toString()).contains("BUNDLE", "--rubric=FILE", "--out=DIR", "--templates=DIR", "Exit codes:");
    }
}
