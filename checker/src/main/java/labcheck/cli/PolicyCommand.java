package labcheck.cli;

import java.util.List;
import labcheck.collect.ReadOnlyPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labcheck policy}: prints the least-privilege IAM policy labcheck needs (only the
 * Describe/Get actions it calls, and CloudTrail's LookupEvents for {@code --deadline}). The JSON goes to standard output, so it can be saved as is;
 * the note on roles goes to standard error. With {@code --instance-connect} it adds one statement
 * for the one action that is not a read, EC2 Instance Connect's SendSSHPublicKey, on condition
 * that the key is for the OS users named ({@code ec2:osuser}); without it the output is the
 * read-only policy, byte for byte.
 *
 * <pre>{@code
 * labcheck policy > labcheck-policy.json
 * labcheck policy --instance-connect --os-user ec2-user > labcheck-policy-instance-connect.json
 * aws iam create-policy --policy-name labcheck-readonly --policy-document file://labcheck-policy.json
 * }</pre>
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Print the least-privilege, read-only IAM policy labcheck needs.",
            "With --instance-connect, plus the one opt-in action --ssh-via instance-connect needs."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "1:internal error", "2:usage error"})
public final class PolicyCommand extends GuardedCommand {

    @Option(names = "--instance-connect",
            description = "Add one statement allowing ec2-instance-connect:SendSSHPublicKey (for --ssh-via"
                    + " instance-connect), limited to the --os-user users by the ec2:osuser condition.")
    boolean instanceConnect;

    @Option(names = "--os-user", paramLabel = "USER",
            description = "An OS user the pushed keys may be for (repeatable; default: ec2-user).")
    List<String> osUsers;

    @Override
    protected int run() {
        List<String> users = ReadOnlyPolicy.osUsers(instanceConnect, osUsers);
        spec.commandLine().getOut().print(instanceConnect ? ReadOnlyPolicy.withInstanceConnect(users)
                : ReadOnlyPolicy.json());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(ReadOnlyPolicy.ASSUME_ROLE_NOTE);
        return 0;
    }
}
