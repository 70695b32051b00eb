package labcheck.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import labcheck.evidence.Evidence;
import labcheck.report.Scoresheet;

/**
 * The parts of grading the batch drives but does not own: live grading of one student, offline
 * scoring of stored evidence, and writing every scoresheet format.
 *
 * @param grader collects and grades one student (used by a normal run)
 * @param scorer scores evidence with the current rubric (regrade-from-evidence, timed-out students)
 * @param writer writes the scoresheet formats into a student's directory
 */
public record Grading(StudentGrader grader, Function<Evidence, Scoresheet> scorer, ScoresheetWriter writer) {

    public Grading {
        Objects.requireNonNull(grader, "grader");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(writer, "writer");
    }

    /** Builds the grading for a run from the command's options; the CLI's production one is wired by the root command. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param rubric    the rubric file named by {@code --rubric}, or null for the shipped one
         * @param templates the templates directory named by {@code --templates}, or null for the shipped ones
         */
        Grading open(Path rubric, Path templates) throws Exception;

        /**
         * The grading of a run with a deadline or collecting only; a factory that knows neither (a test's)
         * grades as {@link #open(Path, Path)} does.
         */
        default Grading open(Path rubric, Path templates, GradingMode mode) throws Exception {
            return open(rubric, templates);
        }
    }
}
