package labcheck.checks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import labcheck.engine.CheckIndex;
import labcheck.engine.Grader;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;

/**
 * The shipped checks: every class under {@code labcheck.checks} with a {@code @Check} method,
 * discovered on the class path (a new check class needs no registration). The grader selects
 * these classes and runs the checks a rubric names; a rubric naming an id none of them declares
 * is rejected when loaded.
 *
 * <pre>{@code
 * Rubric rubric = CheckCatalog.rubric(null);          // the shipped rubric, validated
 * Scoresheet sheet = CheckCatalog.grader(rubric).grade(evidence);
 * }</pre>
 */
public final class CheckCatalog {

    private static final CheckIndex INDEX = CheckIndex.discover(CheckCatalog.class.getPackageName());

    private CheckCatalog() {
    }

    public static CheckIndex index() {
        return INDEX;
    }

    public static Set<String> ids() {
        return INDEX.ids();
    }

    /** The rubric in {@code fileOrNull}, else the shipped one, validated against these checks. */
    public static Rubric rubric(Path fileOrNull) {
        return fileOrNull == null ? RubricLoader.shipped(ids()) : RubricLoader.load(fileOrNull, ids());
    }

    /** A grader over these checks, stamping scoresheets with the UTC clock. */
    public static Grader grader(Rubric rubric) {
        return new Grader(rubric, INDEX, Clock.systemUTC());
    }
}
