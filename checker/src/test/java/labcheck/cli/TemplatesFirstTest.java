package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import labcheck.batch.Grading;
import labcheck.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A {@code --templates} override with a syntax error is found before anything is graded: exit 2 naming
 * the file and line, where it used to surface while writing the first student (exit 1).
 */
class TemplatesFirstTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(CommandLine cmd, String... args) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path broken(String template) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(dir.resolve(template), "<html>\n<p>${sheet.total +}</p>\n</html>\n");
        return dir;
    }

    @Test
    void aBatchWithABrokenScoresheetTemplateStopsBeforeItsFirstStudent() throws Exception {
        // GIVEN a roster and a grading that counts the students it is asked to grade
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "student_id,app_url\ns1,http://127.0.0.1:1\n");
        AtomicInteger graded = new AtomicInteger();
        Grading.Factory counting = (rubric, templates) -> {
            Reports reports = Reports.withTemplates(templates);
            return new Grading((student, budget) -> {
                graded.incrementAndGet();
                throw new IllegalStateException("no student should be graded");
            }, evidence -> null, reports::writeAll);
        };
        Path templates = broken("scoresheet.html.ftl");

        int code = execute(new CommandLine(new BatchCommand(counting)), roster.toString(), "--templates",
                templates.toString(), "--out", tmp.resolve("results").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck batch: Template " + templates.resolve("scoresheet.html.ftl")
                + " has a syntax error at line 2").contains("Fix the template, or delete it");
        assertThat(graded).hasValue(0);
        assertThat(tmp.resolve("results")).doesNotExist();
    }

    @Test
    void aBatchOrMergeWithABrokenSummaryTemplateStopsBeforeGradingOrCopying() throws Exception {
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "student_id,app_url\ns1,http://127.0.0.1:1\n");
        Path templates = broken("summary.html.ftl");

        int batch = execute(new CommandLine(new BatchCommand((rubric, t) -> {
            throw new IllegalStateException("the grading must not be opened");
        })), roster.toString(), "--templates", templates.toString(), "--out", tmp.resolve("results").toString());
        int merge = execute(Labcheck.commandLine(), "merge", tmp.toString(), "--templates", templates.toString(),
                "--out", tmp.resolve("merged").toString());

        assertThat(batch).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(merge).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("labcheck batch: Template " + templates.resolve("summary.html.ftl")
                + " has a syntax error at line 2", "labcheck merge: Template " + templates.resolve("summary.html.ftl")
                + " has a syntax error at line 2");
        assertThat(tmp.resolve("merged")).doesNotExist();
    }

    @Test
    void checkWithABrokenTemplateStopsBeforeProbingTheApp() throws Exception {
        Path templates = broken("scoresheet.md.ftl");
        CheckCommand command = new CheckCommand();
        command.env = java.util.Map.of();

        int code = execute(new CommandLine(command), "--app", "http://127.0.0.1:1", "--templates",
                templates.toString(), "--out", tmp.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck: Template " + templates.resolve("scoresheet.md.ftl")
                + " has a syntax error at line 2").doesNotContain("Probing");
    }
}
