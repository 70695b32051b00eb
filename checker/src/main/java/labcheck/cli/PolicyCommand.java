package labcheck.cli;

import java.util.concurrent.Callable;
import labcheck.collect.ReadOnlyPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code labcheck policy}: prints the least-privilege IAM policy labcheck needs (only the
 * Describe/Get actions it calls). The JSON goes to standard output, so it can be saved as is;
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
public final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ReadOnlyPolicy.json());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(ReadOnlyPolicy.ASSUME_ROLE_NOTE);
        return 0;
    }
}
