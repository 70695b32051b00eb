package labcheck.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import labcheck.history.History;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import picocli.CommandLine.Option;

/**
 * {@code --no-history}, shared by {@code check} and {@code grade}: by default each run is appended
 * to {@code .labcheck/history.jsonl} beside {@code --out}, and its sheet says what changed since the
 * last run.
 */
public final class HistoryOption {

    @Option(names = "--no-history",
            description = "Neither read nor write .labcheck/history.jsonl beside --out (the sheet then says nothing"
                    + " of the last run, and shows no hint for a check failing again).")
    boolean off;

    /** {@code sheet} with what changed since the last run, this run appended; a history that cannot be written is
     * named on {@code err} and the grading goes on. */
    Scoresheet record(Scoresheet sheet, Rubric rubric, Path out, PrintWriter err) {
        if (off) {
            return sheet;
        }
        History history = History.beside(out);
        Scoresheet annotated = history.annotate(sheet, rubric);
        try {
            history.append(annotated);
        } catch (UncheckedIOException e) {
            err.println("labcheck: warning: " + e.getMessage());
            err.flush();
        }
        return annotated;
    }
}
