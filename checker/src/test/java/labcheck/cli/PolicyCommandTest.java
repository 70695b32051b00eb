package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import labcheck.collect.ReadOnlyPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PolicyCommandTest {

    @Test
    void printsThePolicyAsValidJsonOnStdoutAndTheRoleNoteOnStderr() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolicyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute()).isZero();
        var doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("Statement").get(0).path("Action")).hasSize(ReadOnlyPolicy.actions().size());
        assertThat(out.toString()).contains("\"sts:GetCallerIdentity\"", "\"ec2:DescribeRouteTables\"")
                .doesNotContain("sts:AssumeRole");
        assertThat(err.toString()).contains("sts:AssumeRole");
    }
}
