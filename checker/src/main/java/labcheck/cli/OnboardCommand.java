package labcheck.cli;

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
 * }</pre>
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
        out().print(RoleTemplate.of(role).yaml());
        out().flush();
        new Handoff(role, region, templateUrl, studentId).lines().forEach(err()::println);
        err().flush();
        return ExitCodes.ALL_MARKS;
    }
}
