package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import labcheck.collect.FakeAws;
import labcheck.collect.Labs;
import labcheck.collect.ReadOnlyGuard;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(ReadOnlyGuard.Verify.class)
class CollectCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new CollectCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void collectWithADeadlineRecordsItAndSaysWhatCloudTrailListsAfterIt(@TempDir Path dir) {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            int code = run("--out", dir.toString(), "--region", "us-east-1", "--endpoint-url", aws.url(),
                    "--deadline", "2026-12-05T18:00+01:00");

            assertThat(code).as(err.toString()).isZero();
            assertThat(EvidenceBundle.read(dir).deadline()).isEqualTo("2026-12-05T18:00:00+01:00");
            assertThat(out.toString()).contains("Collected 11 of 11 AWS facts", "  deadline 2026-12-05T18:00:00+01:00:"
                    + " 0 write(s) on the lab's resources after it in CloudTrail.");
        }
    }

    @Test
    void collectWritesABundleThatReadsBackAndExitsZero(@TempDir Path dir) {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            int code = run("--out", dir.toString(), "--region", "us-east-1", "--endpoint-url", aws.url(),
                    "--app", "http://admin:hunter2@" + Labs.APP_URL.substring("http://".length()) + "/?token=abc",
                    "--student", "s042");

            assertThat(code).as(err.toString()).isZero();
            Evidence e = EvidenceBundle.read(dir);
            assertThat(e.cacheClusters().value()).hasSize(1);
            assertThat(e.subject().studentId()).isEqualTo("s042");
            assertThat(e.subject().source()).isEqualTo("endpoint " + aws.url());
            assertThat(e.subject().appUrl()).isEqualTo(Labs.APP_URL + "/");
            assertThat(out.toString()).startsWith("Collected 11 of 11 AWS facts in us-east-1 as "
                    + "arn:aws:iam::123456789012:user/student into " + dir.resolve("evidence.json") + ".");
            assertThat(err.toString()).isEmpty();
        }
    }

    @Test
    void deniedCallIsListedAndStillExitsZero(@TempDir Path dir) {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.deny("ec2:DescribeRouteTables");
            int code = run("--out", dir.toString(), "--region", "us-east-1", "--endpoint-url", aws.url());

            assertThat(code).isZero();
            assertThat(out.toString()).contains("Collected 10 of 11 AWS facts")
                    .contains("  unavailable: AccessDenied on ec2:DescribeRouteTables: grant ec2:DescribeRouteTables");
        }
    }

    @Test
    void expiredTokenExitsTwoWithOneLineAndNoBundle(@TempDir Path dir) {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.expireToken();
            int code = run("--out", dir.resolve("b").toString(), "--region", "us-east-1", "--endpoint-url", aws.url());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("labcheck collect: The AWS session token has expired (ExpiredToken)")
                    .doesNotContain("\tat ").hasLineCount(1);
            assertThat(Files.exists(dir.resolve("b"))).isFalse();
        }
    }

    @Test
    void noRegionAnywhereIsAUsageErrorSayingWhereToSetIt(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null
                && System.getenv("AWS_DEFAULT_REGION") == null, "AWS_REGION is set in this environment");
        FakeAws.useFakeCredentials();
        System.setProperty("aws.configFile", Files.writeString(dir.resolve("config"), "").toString());
        try {
            int code = run("--out", dir.resolve("b").toString(), "--endpoint-url", "http://127.0.0.1:1");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("labcheck collect: No AWS region: pass --region us-east-1 (the lab's"
                    + " region), set AWS_REGION, or set region in the profile.\n");
        } finally {
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void externalIdWithoutRoleIsAUsageError(@TempDir Path dir) {
        int code = run("--out", dir.toString(), "--region", "us-east-1", "--external-id", "x");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("labcheck collect: --external-id only makes sense with --role-arn.\n");
    }

    @Test
    void missingOutIsAUsageError() {
        assertThat(run("--region", "us-east-1")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--role-arn", "--external-id", "--endpoint-url", "Exit codes:",
                "2   usage or credential error");
    }
}
