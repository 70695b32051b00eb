package labcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import labcheck.checks.CheckCatalog;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;

/** What every grading command resolves the same way: the rubric, the templates, and colour. */
final class CommandSupport {

    private CommandSupport() {
    }

    /** {@code --rubric FILE}, else the one shipped in the jar. */
    static Rubric load(Path fileOrNull) {
        return CheckCatalog.rubric(fileOrNull);
    }

    /**
     * The renderers, with {@code --templates DIR} when given (and an existing directory), every template
     * parsed: a syntax error is exit 2 naming the file and line before anything is probed or graded.
     */
    static Reports reports(Path templatesOrNull) {
        requireTemplatesDir(templatesOrNull);
        return Reports.withTemplates(templatesOrNull).compiled();
    }

    /** {@code --templates DIR} must be an existing directory when given. */
    static void requireTemplatesDir(Path templatesOrNull) {
        if (templatesOrNull != null && !Files.isDirectory(templatesOrNull)) {
            throw new IllegalArgumentException("--templates " + templatesOrNull + " is not a directory. Fix: give the"
                    + " directory holding scoresheet.*.ftl or summary.html.ftl, or leave --templates out.");
        }
    }

    /**
     * Writes every scoresheet format into {@code dir}, prints the terminal sheet and the files
     * written, and returns the exit code the grade calls for.
     */
    static int publish(PrintWriter out, Reports reports, Scoresheet sheet, Path dir, Path bundleOrNull,
                       Map<String, String> env) {
        List<Path> written = reports.writeAll(sheet, dir);
        out.print(reports.terminal(sheet, colour(env)));
        if (bundleOrNull != null) {
            out.println("wrote " + bundleOrNull);
        }
        written.forEach(f -> out.println("wrote " + f));
        out.flush();
        // a student's sheet that withholds items never says all marks were earned, nor does its exit code
        return reports.shown(sheet).fullMarks() ? ExitCodes.ALL_MARKS : ExitCodes.MARKS_LOST;
    }

    /** ANSI colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
    static boolean colour(Map<String, String> env) {
        return System.console() != null && !env.containsKey("NO_COLOR");
    }
}
