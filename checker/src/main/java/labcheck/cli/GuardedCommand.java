package labcheck.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: turns a bad input (a missing bundle, an invalid rubric) into exit
 * code 2 with its message, and anything else into exit code 1 with one line, never a stack
 * trace (set {@code LABCHECK_DEBUG=1} to get one).
 *
 * <pre>{@code
 * @Command(name = "grade")
 * class GradeCommand extends GuardedCommand {
 *     protected int run() { ...; return ExitCodes.ALL_MARKS; }
 * }
 * }</pre>
 */
public abstract class GuardedCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** The command's work; returns an {@link ExitCodes} value. */
    protected abstract int run() throws Exception;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // RubricException and EvidenceBundle's errors are IllegalArgumentExceptions naming file, line and fix
            err().println("labcheck: " + e.getMessage());
            debug(e);
            return ExitCodes.INPUT_ERROR;
        } catch (Exception e) {
            err().println("labcheck: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (this is a labcheck bug; rerun with LABCHECK_DEBUG=1 for details and please report it)");
            debug(e);
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private void debug(Exception e) {
        if ("1".equals(System.getenv("LABCHECK_DEBUG"))) {
            e.printStackTrace(err());
        }
    }
}
