package labcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcheck.checks.CheckCatalog;
import labcheck.report.Reports;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;

/** What every grading command resolves the same way: the rubric, the templates, and colour. */
final class Rubrics {

    private Rubrics() {
    }

    /** {@code --rubric FILE}, else the one shipped in the jar. */
    static Rubric load(Path fileOrNull) {
        return fileOrNull == null ? RubricLoader.shipped(CheckCatalog.ids())
                : RubricLoader.load(fileOrNull, CheckCatalog.ids());
    }

    /** The renderers, with {@code --templates DIR} when given (and an existing directory). */
    static Reports reports(Path templatesOrNull) {
        if (templatesOrNull != null && !Files.isDirectory(templatesOrNull)) {
            throw new IllegalArgumentException("--templates " + templatesOrNull + " is not a directory. Fix: give the"
                    + " directory holding scoresheet.*.ftl, or leave --templates out.");
        }
        return Reports.withTemplates(templatesOrNull);
    }

    /** ANSI colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
    static boolean colour(Map<String, String> env) {
        return System.console() != null && !env.containsKey("NO_COLOR");
    }
}
