package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import labcheck.collect.FakeAws;
import labcheck.collect.MotoLab;
import labcheck.collect.MotoServer;
import labcheck.collect.ReadOnlyGuard;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import software.amazon.awssdk.services.iam.IamClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The template {@code labcheck onboard} prints, deployed into moto's CloudFormation, and graded through. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class OnboardMotoTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(Path dir, String endpoint, String roleArn, String externalId) {
        var cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("check", "--region", "us-east-1", "--endpoint-url", endpoint, "--role-arn", roleArn,
                "--external-id", externalId, "--out", dir.toString(), "--student", "s042");
    }

    @Test
    void theDeployedRoleIsTheOneCheckGradesThrough(@TempDir Path dir) throws Exception {
        FakeAws.useFakeCredentials();
        try (MotoServer moto = MotoServer.startOrSkip()) {
            // GIVEN the lab in moto and the role the student deployed from onboard's template
            MotoLab.create(moto.url());
            String template = GradingRolesInMoto.template("--judge-account", "123456789012", "--external-id",
                    "ws2026-s042");
            String roleArn = new GradingRolesInMoto(moto.url()).deploy("labcheck-grading", template);
            assertThat(roleArn).isEqualTo("arn:aws:iam::123456789012:role/labcheck-grading");

            // WHEN the judge checks through the stack's output
            int code = check(dir, moto.url(), roleArn, "ws2026-s042");

            // THEN AWS was read as that role, and the cluster was found through it
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            Evidence e = EvidenceBundle.read(dir);
            assertThat(e.identity().value().arn()).startsWith("arn:aws:sts::123456789012:assumed-role/labcheck-grading/");
            assertThat(e.cacheClusters().value()).extracting("cacheClusterId").containsExactly("product-cache-cluster");
            assertThat(e.routeTables().available()).isTrue();
        }
    }

    @Test
    void withIamEnforcedTheRoleAdmitsTheJudgeOnlyWithItsExternalId(@TempDir Path dir) throws Exception {
        FakeAws.useFakeCredentials();
        try (MotoServer moto = MotoServer.startOrSkip()) {
            // GIVEN the role trusting only the judges' user, and moto enforcing IAM as AWS does
            MotoLab.create(moto.url());
            GradingRolesInMoto aws = new GradingRolesInMoto(moto.url());
            String template = GradingRolesInMoto.template("--judge-account", "123456789012", "--external-id",
                    "ws2026-s042", "--judge-principal", GradingRolesInMoto.JUDGE);
            String roleArn = aws.deploy("labcheck-grading", template);
            aws.putTemplatePolicy("labcheck-grading", template, null);
            var judge = aws.judge();
            aws.enforceIam();

            GradingRolesInMoto.asJudge(judge, () -> {
                // WHEN the judge presents another external id, THEN the role is refused and nothing is read
                // (moto words the refusal as <ErrorResponse><Errors> in text/html, a shape AWS does not use, so
                // the message is not asserted here; FakeAws's tests assert AWS's own shape)
                assertThat(check(dir.resolve("wrong"), moto.url(), roleArn, "ws2026-s043")).isEqualTo(3);
                Evidence refused = EvidenceBundle.read(dir.resolve("wrong"));
                assertThat(refused.identity().available()).isFalse();
                assertThat(refused.cacheClusters().available()).isFalse();

                // WHEN the judge presents the student's external id, THEN every AWS fact is read through the role
                assertThat(check(dir.resolve("right"), moto.url(), roleArn, "ws2026-s042"))
                        .as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
                Evidence e = EvidenceBundle.read(dir.resolve("right"));
                assertThat(e.identity().value().arn()).contains(":assumed-role/labcheck-grading/");
                assertThat(e.cacheClusters().value()).hasSize(1);
                assertThat(e.subnets().available()).isTrue();
                assertThat(e.routeTables().available()).isTrue();
                assertThat(e.dbInstances().available()).isTrue();
            });
        }
    }

    @Test
    void withInstanceConnectTheDeployedRolesPolicyIsWhatPolicyInstanceConnectPrints() throws Exception {
        FakeAws.useFakeCredentials();
        try (MotoServer moto = MotoServer.startOrSkip()) {
            // GIVEN the template onboard prints with Instance Connect for two OS users
            String template = GradingRolesInMoto.template("--judge-account", "123456789012", "--external-id",
                    "ws2026-s042", "--instance-connect", "--os-user", "ec2-user", "--os-user", "ubuntu");

            // WHEN the student deploys it through CloudFormation
            String roleArn = new GradingRolesInMoto(moto.url()).deploy("labcheck-grading", template);

            // THEN the role exists, and the policy IAM holds for it is `labcheck policy --instance-connect`'s
            assertThat(roleArn).isEqualTo("arn:aws:iam::123456789012:role/labcheck-grading");
            try (IamClient iam = MotoLab.setup(IamClient.builder(), moto.url()).build()) {
                String stored = iam.getRolePolicy(r -> r.roleName("labcheck-grading").policyName("labcheck-readonly"))
                        .policyDocument();
                // AWS answers the document URL-encoded; moto 5.2 answers a CloudFormation role's as Python's repr of
                // it (single quotes), which is YAML flow syntax: read as YAML, either is the same tree
                String document = stored.contains("%22") ? URLDecoder.decode(stored, StandardCharsets.UTF_8) : stored;
                assertThat(new YAMLMapper().readTree(document)).isEqualTo(new ObjectMapper().readTree(
                        OnboardCommandTest.policy("--instance-connect", "--os-user", "ec2-user", "--os-user", "ubuntu")));
            }
        }
    }
}
