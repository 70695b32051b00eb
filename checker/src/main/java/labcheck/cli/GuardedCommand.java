package labcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import labcheck.collect.AwsSetupException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: turns a bad input (a missing bundle, an invalid rubric, an output
 * directory that cannot be created) into exit code 2 with its message, and anything else, errors
 * such as {@link StackOverflowError} or {@link LinkageError} included, into exit code 1 with one
 * line, never a stack trace (set {@code LABCHECK_DEBUG=1} to get one).
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

    /** What every message of this command starts with. */
    protected String prefix() {
        return "labcheck: ";
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ParameterException e) {
            throw e; // picocli prints it with the usage, exit code 2
        } catch (IllegalArgumentException | UncheckedIOException | AwsSetupException e) {
            // RubricException and EvidenceBundle's errors are IllegalArgumentExceptions naming file, line and fix
            err().println(prefix() + e.getMessage());
            debug(e);
            return ExitCodes.INPUT_ERROR;
        } catch (IOException e) {
            // the file system refused (disk full, permissions): the machine's state, not a labcheck bug
            err().println(prefix() + OutputDir.describe(e) + " Fix: free space or fix the permissions, then rerun.");
            debug(e);
            return ExitCodes.INPUT_ERROR;
        } catch (Exception | Error e) {
            // every Error too: picocli rethrows them, so a LinkageError would end in a stack trace, unredacted
            err().println(prefix() + "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                    + " (this is a labcheck bug; rerun with LABCHECK_DEBUG=1 for details and please report it)");
            debug(e);
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            err().flush();
        }
    }

    private PrintWriter out;
    private PrintWriter err;

    /** Standard output, with anything looking like a secret redacted. */
    protected PrintWriter out() {
        if (out == null) {
            out = new RedactingWriter(spec.commandLine().getOut());
        }
        return out;
    }

    /** Standard error, with anything looking like a secret redacted. */
    protected PrintWriter err() {
        if (err == null) {
            err = new RedactingWriter(spec.commandLine().getErr());
        }
        return err;
    }

    private void debug(Throwable e) {
        if ("1".equals(System.getenv("LABCHECK_DEBUG"))) {
            e.printStackTrace(err());
        }
    }
}
