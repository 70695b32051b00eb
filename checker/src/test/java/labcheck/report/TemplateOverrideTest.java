package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateOverrideTest {

    @TempDir
    Path dir;

    private final Scoresheet sheet = SampleScoresheets.everyCase();

    @Test
    void overrideDirectoryReplacesOnlyTheTemplatesItHolds() throws Exception {
        Files.writeString(dir.resolve("scoresheet.txt.ftl"),
                "${sheet.student.name}: ${sheet.total}/${sheet.max}"
                        + "<#list sheet.items as i> [${i.number} ${i.status}]</#list>\n");

        Reports reports = Reports.withTemplates(dir);

        assertThat(reports.terminal(sheet, false)).isEqualTo("Zoë Ñúñez-O'Brien <zoe@example.com>: 11/20"
                + " [1 PARTIAL] [2 PARTIAL] [3 UNVERIFIABLE] [4 PARTIAL] [5 PASSED] [6 PASSED] [7 FAILED]\n");
        assertThat(reports.markdown(sheet)).isEqualTo(Reports.withTemplates(null).markdown(sheet));
    }

    @Test
    void overriddenHtmlTemplateStillEscapes() throws Exception {
        Files.writeString(dir.resolve("scoresheet.html.ftl"), "<p>${sheet.student.name}</p>");

        assertThat(Reports.withTemplates(dir).html(sheet))
                .isEqualTo("<p>Zoë Ñúñez-O&#39;Brien &lt;zoe@example.com&gt;</p>");
    }

    @Test
    void overriddenMarkdownTemplateStillEscapes() throws Exception {
        Files.writeString(dir.resolve("scoresheet.md.ftl"), "${sheet.notes[1]}");

        assertThat(Reports.withTemplates(dir).markdown(sheet))
                .isEqualTo("Rubric \\| marks \\*as\\* data \\& 1. not a list");
    }

    @Test
    void malformedTemplateNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("scoresheet.md.ftl");
        Files.writeString(file, "# ${sheet.rubricTitle}\n\n<#list sheet.items as i>\n- ${i.title}\n");

        assertThatThrownBy(() -> Reports.withTemplates(dir).markdown(sheet))
                .isInstanceOf(TemplateError.class)
                .hasMessageStartingWith("Template " + file + " has a syntax error at line ")
                .hasMessageContaining("#list")
                .hasMessageEndingWith("Fix the template, or delete it to fall back to the built-in one.")
                .satisfies(e -> assertThat(((TemplateError) e).file()).isEqualTo(file.toString()));
    }

    @Test
    void templateThatFailsWhileRenderingNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("scoresheet.txt.ftl");
        Files.writeString(file, "total ${sheet.total}\n${sheet.nosuchfield}\n");

        assertThatThrownBy(() -> Reports.withTemplates(dir).terminal(sheet, false))
                .isInstanceOf(TemplateError.class)
                .hasMessageStartingWith("Template " + file + " failed at line 2, column 3:")
                .hasMessageContaining("nosuchfield")
                .satisfies(e -> assertThat(((TemplateError) e).line()).isEqualTo(2));
    }

    @Test
    void overrideTemplatesCannotInstantiateJavaClasses() throws Exception {
        Files.writeString(dir.resolve("scoresheet.txt.ftl"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

        assertThatThrownBy(() -> Reports.withTemplates(dir).terminal(sheet, false))
                .isInstanceOf(TemplateError.class).hasMessageContaining("line 1");
    }

    @Test
    void templatesOptionMustBeADirectory() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> Reports.withTemplates(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing + " is not a directory");
    }
}
