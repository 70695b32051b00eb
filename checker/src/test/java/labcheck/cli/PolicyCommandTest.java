package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import labcheck.collect.InstanceConnect;
import labcheck.collect.ReadOnlyPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PolicyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int policy(String... args) {
        CommandLine cli = new CommandLine(new PolicyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsThePolicyAsValidJsonOnStdoutAndTheRoleNoteOnStderr() throws Exception {
        assertThat(policy()).isZero();
        var doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("Statement").get(0).path("Action")).hasSize(ReadOnlyPolicy.actions().size());
        assertThat(out.toString()).contains("\"sts:GetCallerIdentity\"", "\"ec2:DescribeRouteTables\"")
                .doesNotContain("sts:AssumeRole");
        assertThat(err.toString()).contains("sts:AssumeRole");
    }

    @Test
    void withoutTheFlagThePolicyIsTheShippedFileByteForByteAndHasNoWrite() throws Exception {
        assertThat(policy()).isZero();

        assertThat(out.toString()).isEqualTo(Files.readString(Path.of("../docs/iam-policy.json")))
                .doesNotContain("ec2-instance-connect");
    }

    @Test
    void withInstanceConnectThePolicyGainsExactlyOneActionLimitedToTheOsUserByCondition() throws Exception {
        // WHEN the policy is printed for --ssh-via instance-connect
        assertThat(policy("--instance-connect")).isZero();

        // THEN its actions are the read-only ones plus SendSSHPublicKey, and nothing else
        Set<String> expected = new TreeSet<>(ReadOnlyPolicy.actions());
        expected.add(InstanceConnect.ACTION);
        assertThat(ReadOnlyPolicy.actions(out.toString())).isEqualTo(expected);
        // AND the read-only statement is the shipped one, the new one a statement of its own, on condition of the user
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("Statement")).hasSize(2);
        assertThat(doc.path("Statement").get(0)).isEqualTo(new ObjectMapper().readTree(ReadOnlyPolicy.json())
                .path("Statement").get(0));
        JsonNode push = doc.path("Statement").get(1);
        assertThat(push.path("Action")).hasSize(1);
        assertThat(push.path("Resource").asText()).isEqualTo("arn:aws:ec2:*:*:instance/*");
        assertThat(push.path("Condition").path("StringEquals").path("ec2:osuser").asText()).isEqualTo("ec2-user");
    }

    @Test
    void severalOsUsersAreOneConditionAndABadOneIsAUsageError() throws Exception {
        assertThat(policy("--instance-connect", "--os-user", "ec2-user", "--os-user", "ubuntu")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("Statement").get(1).path("Condition")
                .path("StringEquals").path("ec2:osuser").toString()).isEqualTo("[\"ec2-user\",\"ubuntu\"]");

        assertThat(policy("--instance-connect", "--os-user", "Robert'); DROP")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--os-user needs the instance's login user");
        assertThat(policy("--os-user", "ubuntu")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("Fix: add --instance-connect");
    }
}
