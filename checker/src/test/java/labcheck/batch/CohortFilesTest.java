package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import labcheck.report.TemplateError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --templates override of the cohort summary goes through the scoresheets' locked-down FreeMarker. */
class CohortFilesTest {

    @TempDir
    Path dir;

    private Cohort cohortWithProblem(String reason) {
        return Cohort.load(new ResultStore(dir.resolve("results")), id -> true,
                List.of(new RosterProblem(2, "s1", reason)));
    }

    private CohortFiles override(String template) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve(CohortFiles.TEMPLATE), template);
        return new CohortFiles(templates);
    }

    @Test
    void aHostileSummaryOverrideCannotRunExecute() throws Exception {
        Path pwned = dir.resolve("pwned");
        CohortFiles hostile = override("<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "${ex(\"touch " + pwned + "\")}");

        assertThatThrownBy(() -> hostile.write(cohortWithProblem("x"), Files.createDirectories(dir.resolve("out"))))
                .isInstanceOf(TemplateError.class)
                .hasMessageContaining(CohortFiles.TEMPLATE);
        assertThat(pwned).doesNotExist();
        assertThat(dir.resolve("out/summary.html")).doesNotExist();
    }

    @Test
    void aSummaryOverrideIsHtmlEscapedEvenWithoutDeclaringIt() throws Exception {
        CohortFiles plain = override("<#list problems as p><p>${p.reason}</p></#list>");
        Path out = Files.createDirectories(dir.resolve("out"));

        plain.write(cohortWithProblem("<script>alert(1)</script>"), out);

        assertThat(Files.readString(out.resolve(CohortFiles.SUMMARY)))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }
}
