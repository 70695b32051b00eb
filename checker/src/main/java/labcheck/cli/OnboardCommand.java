package labcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import labcheck.collect.ReadOnlyPolicy;
import labcheck.onboard.GradingRole;
import labcheck.onboard.Handoff;
import labcheck.onboard.RoleTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labcheck onboard}: prints the CloudFormation template of the read-only grading role a student
 * deploys in their account. The YAML goes to standard output, so {@code > role.yaml} saves it as is; how
 * to deploy it, the roster row to send back and the StackSet note go to standard error.
 *
 * <pre>{@code
 * labcheck onboard --judge-account 111122223333 --external-id ws2026-s042 > role.yaml
 * aws cloudformation deploy --template-file role.yaml --stack-name labcheck-grading --capabilities CAPABILITY_NAMED_IAM
 * labcheck onboard --judge-account 111122223333 --external-id ws2026-s042 --instance-connect --os-user ec2-user
 * }</pre>
 *
 * With {@code --instance-connect} the role's policy gains the one statement {@code labcheck policy
 * --instance-connect} prints for the same users (EC2 Instance Connect's SendSSHPublicKey, limited by
 * {@code ec2:osuser}), from the same source; without it the template is the read-only one, byte for byte.
 */
@Command(name = "onboard", mixinStandardHelpOptions = true,
        description = {"Print a CloudFormation template (YAML) creating the read-only grading role in a student's "
                + "account: trust in the judges' account with a required external id, the policy `labcheck policy` "
                + "prints, the role's ARN as output.",
            "How to deploy it, the roster row to send back and a StackSet note go to standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:internal error (a labcheck bug; please report it)",
            "2:usage error (an account id, external id or role name AWS would refuse)"})
public final class OnboardCommand extends GuardedCommand {

    @Option(names = "--judge-account", paramLabel = "ID", required = true,
            description = "The judges' AWS account id (12 digits): the account allowed to assume the role.")
    String judgeAccount;

    @Option(names = "--external-id", paramLabel = "X", required = true,
            description = "The external id the role requires (2-1224 of letters, digits, + = , . @ : / - _); one per "
                    + "student is best, e.g. ws2026-s042.")
    String externalId;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = GradingRole.DEFAULT_ROLE_NAME,
            description = "The role's name (default: ${DEFAULT-VALUE}); also the stack's name.")
    String roleName;

    @Option(names = "--judge-principal", paramLabel = "ARN",
            description = "Trust only this role or user of the judges' account (e.g. the judges' CI role), not the "
                    + "whole account.")
    String judgePrincipal;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "The lab's region, for the commands and the roster row (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--template-url", paramLabel = "URL",
            description = "Where the judges host the template (S3 https URL), for the console's quick-create link.")
    String templateUrl;

    @Option(names = "--instance-connect",
            description = "Add the one opt-in statement of `labcheck policy --instance-connect` to the role: "
                    + "ec2-instance-connect:SendSSHPublicKey for the --os-user users, so the judges can grade with "
                    + "--ssh-via instance-connect (no key pair to collect).")
    boolean instanceConnect;

    @Option(names = "--os-user", paramLabel = "USER",
            description = "An OS user the pushed keys may be for (repeatable; default: ec2-user).")
    List<String> osUsers;

    @Option(names = "--student-id", paramLabel = "ID", description = "The student's id, for the roster row.")
    String studentId;

    @Override
    protected String prefix() {
        return "labcheck onboard: ";
    }

    @Override
    protected int run() {
        GradingRole role = GradingRole.of(judgeAccount, externalId, roleName, judgePrincipal);
        if (templateUrl != null && !templateUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--template-url '" + templateUrl + "' is not an https URL; the console"
                    + " reads the template from S3, e.g. https://YOUR-BUCKET.s3.amazonaws.com/labcheck-role.yaml.");
        }
        List<String> users = ReadOnlyPolicy.osUsers(instanceConnect, osUsers);
        RoleTemplate template = RoleTemplate.of(role);
        if (instanceConnect) {
            template = template.withStatement(instanceConnectStatement(users));
        }
        out().print(template.yaml());
        out().flush();
        new Handoff(role, region, templateUrl, studentId).lines().forEach(err()::println);
        err().flush();
        return ExitCodes.ALL_MARKS;
    }

    /** The statement {@code labcheck policy --instance-connect} prints for {@code users}, as a tree. */
    private static JsonNode instanceConnectStatement(List<String> users) {
        try {
            return new ObjectMapper().readTree(ReadOnlyPolicy.instanceConnectStatement(users, ""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Instance Connect statement is not JSON: " + e.getMessage(), e);
        }
    }
}
