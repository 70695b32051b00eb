package labcheck.cli;

import java.io.PrintWriter;
import labcheck.engine.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code labcheck} root command.
 *
 * <pre>{@code
 * labcheck demo
 * labcheck check --region us-east-1 --app http://3.80.1.2:5001 --baseline http://3.80.1.2:5000
 * labcheck batch roster.csv --jobs 8
 * labcheck grade bundle/ --out results/
 * labcheck verify results/ --public-key judges.pub.pem
 * }</pre>
 *
 * Add a subcommand by listing its class in {@code subcommands} below.
 */
@Command(name = "labcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Labcheck.VersionProvider.class,
        description = "Grades the Caching Server Lab (ElastiCache Redis, EC2, RDS MySQL): evidence in, marks out.",
        subcommands = {
            DemoCommand.class,
            CheckCommand.class,
            DoctorCommand.class,
            CollectCommand.class,
            GradeCommand.class,
            BatchCommand.class,
            MergeCommand.class,
            VerifyCommand.class,
            RubricCommand.class,
            PolicyCommand.class,
            OnboardCommand.class,
            CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3})
public class Labcheck implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The root command line; an exception escaping a command (every command is a {@link GuardedCommand},
     * so this is a last resort) is one line and exit code 1, never a stack trace, and redacted as every
     * command's output is.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Labcheck()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = new RedactingWriter(cmd.getErr());
            err.println("labcheck: internal error: " + e + " (this is a labcheck bug; please report it)");
            if ("1".equals(System.getenv("LABCHECK_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        });
    }

    /** {@code labcheck} alone: a subcommand is required. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try `labcheck grade BUNDLE`"
                + " or `labcheck --help`.");
    }

    /** labcheck's version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"labcheck " + Version.current()};
        }
    }
}
