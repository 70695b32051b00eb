package labcheck.cli;

import labcheck.collect.ReadOnlyPolicy;
import picocli.CommandLine.Command;

/**
 * {@code labcheck policy}: prints the least-privilege IAM policy labcheck needs (only the
 * Describe/Get actions it calls, and CloudTrail's LookupEvents for {@code --deadline}). The JSON goes to standard output, so it can be saved as is;
 * the note on roles goes to standard error.
 *
 * <pre>{@code
 * labcheck policy > labcheck-policy.json
 * aws iam create-policy --policy-name labcheck-readonly --policy-document file://labcheck-policy.json
 * }</pre>
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Print the least-privilege, read-only IAM policy labcheck needs.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "1:internal error"})
public final class PolicyCommand extends GuardedCommand {

    @Override
    protected int run() {
        spec.commandLine().getOut().print(ReadOnlyPolicy.json());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(ReadOnlyPolicy.ASSUME_ROLE_NOTE);
        return 0;
    }
}
