package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import labcheck.collect.InstanceConnect;
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

    /** What {@code labcheck policy ARGS} prints on standard output. */
    static String policy(String... args) {
        StringWriter policyOut = new StringWriter();
        CommandLine policy = Labcheck.commandLine();
        policy.setOut(new PrintWriter(policyOut, true));
        policy.setErr(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 1];
        all[0] = "policy";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(policy.execute(all)).isZero();
        return policyOut.toString();
    }

    static JsonNode rolePolicy(String template) throws Exception {
        return new YAMLMapper().readTree(template).path("Resources").path("GradingRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument");
    }

    @Test
    void withoutInstanceConnectTheTemplateIsTodaysByteForByte() throws Exception {
        // GIVEN the template onboard printed before --instance-connect existed (test resource)
        String before = Files.readString(Path.of("src/test/resources/golden/onboard-role.yaml"));

        // WHEN onboard runs without the flag, THEN it prints exactly that
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042")).isZero();
        assertThat(out.toString()).isEqualTo(before);
    }

    @Test
    void withInstanceConnectTheRolesPolicyIsExactlyWhatPolicyInstanceConnectPrintsForTheSameUsers() throws Exception {
        // WHEN onboard adds Instance Connect for two OS users
        int code = run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042",
                "--instance-connect", "--os-user", "ec2-user", "--os-user", "ubuntu");

        // THEN the role's policy is what `labcheck policy --instance-connect` prints for the same users
        assertThat(code).as(err.toString()).isZero();
        JsonNode policy = rolePolicy(out.toString());
        assertThat(policy).isEqualTo(new ObjectMapper().readTree(policy("--instance-connect", "--os-user", "ec2-user",
                "--os-user", "ubuntu")));
        assertThat(policy).isNotEqualTo(new ObjectMapper().readTree(policy("--instance-connect")));
        // AND it is the read-only policy plus that one statement, the default user being ec2-user
        out.getBuffer().setLength(0);
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042",
                "--instance-connect")).isZero();
        JsonNode defaultUser = rolePolicy(out.toString());
        assertThat(defaultUser).isEqualTo(new ObjectMapper().readTree(policy("--instance-connect", "--os-user",
                "ec2-user")));
        JsonNode readOnly = new ObjectMapper().readTree(policy());
        assertThat(defaultUser.path("Statement")).hasSize(readOnly.path("Statement").size() + 1);
        assertThat(defaultUser.path("Statement").get(0)).isEqualTo(readOnly.path("Statement").get(0));
        // AND the template says so in its description, so nobody takes the role for read-only
        assertThat(out.toString()).contains("# Beyond reads, opt-in: " + InstanceConnect.ACTION)
                .contains("Describe/List/Get, and opt-in " + InstanceConnect.ACTION);
    }

    @Test
    void withInstanceConnectTheOnlyActionThatIsNotAReadIsSendSshPublicKeyForItsOsUsers() throws Exception {
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042",
                "--instance-connect", "--os-user", "ubuntu")).isZero();

        List<JsonNode> notReads = new ArrayList<>();
        for (JsonNode statement : rolePolicy(out.toString()).path("Statement")) {
            JsonNode actions = statement.path("Action");
            for (JsonNode a : actions.isArray() ? actions : List.of(actions)) {
                if (!a.asText().matches("[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*|cloudtrail:LookupEvents")) {
                    notReads.add(statement);
                }
            }
        }
        assertThat(notReads).hasSize(1);
        JsonNode push = notReads.get(0);
        assertThat(push.path("Action")).hasSize(1);
        assertThat(push.path("Action").get(0).asText()).isEqualTo(InstanceConnect.ACTION);
        assertThat(push.path("Condition").path("StringEquals").path("ec2:osuser").asText()).isEqualTo("ubuntu");
        assertThat(push.path("Resource").asText()).isEqualTo("arn:aws:ec2:*:*:instance/*");
    }

    @Test
    void anOsUserWithoutInstanceConnectOrABadOneIsAUsageErrorAndPrintsNoTemplate() {
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042", "--os-user",
                "ubuntu")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--os-user limits the --instance-connect statement. Fix: add"
                + " --instance-connect");
        assertThat(run("onboard", "--judge-account", "111122223333", "--external-id", "ws2026-s042",
                "--instance-connect", "--os-user", "Root User")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--os-user needs the instance's login user, e.g. ec2-user");
        assertThat(out.toString()).isEmpty();
    }
}
