package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OnboardCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void stdoutIsATemplateWhosePolicyIsWhatLabcheckPolicyPrints() throws Exception {
        int code = run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042");
        StringWriter policyOut = new StringWriter();
        CommandLine policy = Labcheck.commandLine();
        policy.setOut(new PrintWriter(policyOut, true));
        policy.setErr(new PrintWriter(new StringWriter(), true));
        policy.execute("policy");

        assertThat(code).as(err.toString()).isZero();
        var template = new YAMLMapper().readTree(out.toString());
        assertThat(template.path("Resources").path("GradingRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument")).isEqualTo(new ObjectMapper().readTree(policyOut.toString()));
    }

    @Test
    void stderrSaysHowToDeployWhatToSendBackAndHowAnOrganizationDeploysIt() {
        int code = run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042", "--student-id",
                "s042", "--region", "eu-west-1", "--template-url", "https://judges.s3.amazonaws.com/role.yaml");

        assertThat(code).isZero();
        assertThat(err.toString())
                .contains("  aws cloudformation deploy --template-file role.yaml --stack-name labcheck-grading"
                        + " --capabilities CAPABILITY_NAMED_IAM --region eu-west-1")
                .contains("  https://console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate"
                        + "?templateURL=https%3A%2F%2Fjudges.s3.amazonaws.com%2Frole.yaml&stackName=labcheck-grading"
                        + "&param_JudgeAccountId=111122223333&param_ExternalId=ws2026-s042"
                        + "&param_RoleName=labcheck-grading")
                .contains("  s042,arn:aws:iam::STUDENT_ACCOUNT_ID:role/labcheck-grading,ws2026-s042,eu-west-1")
                .contains("create-stack-set --stack-set-name labcheck-grading")
                .contains("--permission-model SERVICE_MANAGED")
                .contains("labcheck batch --preflight roster.csv");
        assertThat(out.toString()).doesNotContain("aws cloudformation describe-stacks");
    }

    @Test
    void aBadAccountIdExitsTwoWithTheRuleAndPrintsNoTemplate() {
        int code = run("onboard", "--judge-account", "12345", "--external-id", "ws2026-s042");

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("labcheck onboard: --judge-account '12345' is not an AWS account id: it is"
                + " 12 digits").hasLineCount(1);
    }

    @Test
    void aBadExternalIdOrTemplateUrlExitsTwoNamingTheFix() {
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "a b")).isEqualTo(2);
        assertThat(err.toString()).contains("--external-id holds a character AWS does not allow");
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ab", "--template-url",
                "file:///tmp/role.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--template-url 'file:///tmp/role.yaml' is not an https URL");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingRequiredOptionsAreAUsageErrorNamingThem() {
        assertThat(run("onboard")).isEqualTo(2);
        assertThat(err.toString()).contains("--judge-account").contains("--external-id");
    }
}
