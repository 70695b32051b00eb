package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import labcheck.batch.Csv;
import labcheck.collect.FakeAws;
import labcheck.collect.FreePort;
import labcheck.collect.MotoServer;
import labcheck.collect.ReadOnlyGuard;
import labcheck.reach.Sshd;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code labcheck batch --preflight} against real parts: roles deployed from onboard's template into moto
 * with IAM enforced, a real sshd in front of the embedded lab, and a key that sshd refuses.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class PreflightTest extends SshLabFixture {

    private int preflight(Path roster, Map<String, String> env, String... more) {
        CommandLine cmd = new CommandLine(new BatchCommand(new LiveGrading(env, Clock.systemUTC()), env));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("--preflight", roster.toString(), "--out",
                dir.resolve("r").toString(), "--jobs", "3"));
        args.addAll(List.of(more));
        return cmd.execute(args.toArray(String[]::new));
    }

    private String row(String id, String roleArn, String externalId, Path key) {
        int cachePort = Integer.parseInt(lab.cacheUrl().replaceAll(".*:", ""));
        int basePort = Integer.parseInt(lab.baselineUrl().replaceAll(".*:", ""));
        return id + ",us-east-1," + roleArn + "," + externalId + ",http://203.0.113.10:" + cachePort
                + ",http://203.0.113.10:" + basePort + "," + lab.dbUser() + ",LAB_DB_PASSWORD," + USER + ",127.0.0.1,"
                + sshd.port() + "," + key + "\n";
    }

    private static final String HEADER = "student_id,region,role_arn,external_id,app_url,baseline_url,db_user,"
            + "db_password_env,ssh_user,ssh_host,ssh_port,ssh_key\n";

    @Test
    void aRefusedKeyAndAMissingPermissionMarkExactlyThoseTwoNotReadyAndNobodyIsGraded() throws Exception {
        FakeAws.useFakeCredentials();
        try (MotoServer moto = MotoServer.startOrSkip()) {
            // GIVEN two roles deployed from onboard's template, the second lacking ec2:DescribeRouteTables
            GradingRolesInMoto.TwoRoles roles = new GradingRolesInMoto(moto.url())
                    .deployTwoRoles("ec2:DescribeRouteTables");
            // AND a key sshd does not know
            Path stranger = dir.resolve("stranger.pem");
            Sshd.run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString());
            Path roster = Files.writeString(dir.resolve("roster.csv"), HEADER
                    + row("s1", roles.fullArn(), "ws-good", sshd.rsaKey())
                    + row("s2", roles.fullArn(), "ws-good", stranger)
                    + row("s3", roles.partialArn(), "ws-partial", sshd.ed25519Key()));
            Map<String, String> env = Map.of("LAB_DB_PASSWORD", lab.dbPassword(), "AWS_ENDPOINT_URL", moto.url(),
                    "LABCHECK_SSH_KNOWN_HOSTS", sshd.knownHosts(dir.resolve("known_hosts")).toString());

            GradingRolesInMoto.asJudge(roles.judge(), () -> {
                // WHEN the judges run the preflight (moto checking IAM on a loaded machine is slow: a generous budget)
                int code = preflight(roster, env, "--preflight-budget", "90s");

                // THEN exactly s2 and s3 are not ready, each with the cause and the fix, and the exit code is 3
                assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
                List<Csv.Record> csv = Csv.parse(Files.readString(dir.resolve("r").resolve("preflight.csv")));
                List<String> header = csv.get(0).fields();
                Map<String, Map<String, String>> rows = new java.util.TreeMap<>();
                for (Csv.Record r : csv.subList(1, csv.size())) {
                    Map<String, String> cells = new java.util.HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.put(header.get(i), r.fields().get(i));
                    }
                    rows.put(cells.get("student_id"), cells);
                }
                assertThat(header).containsExactly("student_id", "name", "ready", "roster", "aws_access",
                        "aws_permissions", "ssh_login", "ssh_forward", "app_health", "baseline_health", "db_password",
                        "fix");
                assertThat(rows.keySet()).containsExactly("s1", "s2", "s3");
                // (moto implements neither CloudTrail LookupEvents nor DescribeServerlessCaches: answered, not denied)
                assertThat(rows.get("s1").get("aws_permissions")).as(rows.toString()).startsWith("ok")
                        .doesNotContain("AccessDenied");
                assertThat(rows.get("s1")).containsEntry("ready", "yes")
                        .containsEntry("db_password", "ok: LAB_DB_PASSWORD is set").containsEntry("fix", "");
                assertThat(rows.get("s1").get("aws_access")).startsWith("ok: arn:aws:sts::123456789012:assumed-role/"
                        + "labcheck-grading/");
                assertThat(rows.get("s1").get("app_health")).startsWith("ok: GET http://localhost:");
                assertThat(rows.get("s1").get("baseline_health")).startsWith("ok: GET http://localhost:");

                assertThat(rows.get("s2").get("aws_permissions")).startsWith("ok");
                assertThat(rows.get("s2")).containsEntry("ready", "no")
                        .containsEntry("ssh_forward", "skipped: no SSH login")
                        .containsEntry("app_health", "skipped: no SSH login");
                assertThat(rows.get("s2").get("ssh_login")).contains("stranger.pem");
                assertThat(rows.get("s2").get("fix")).isNotBlank();

                assertThat(rows.get("s3")).containsEntry("ready", "no")
                        .containsEntry("aws_permissions", "AccessDenied on ec2:DescribeRouteTables: those facts would"
                                + " be unverifiable");
                assertThat(rows.get("s3").get("ssh_login")).startsWith("ok: ");
                assertThat(rows.get("s3").get("fix")).startsWith("Fix: the student deploys the role from `labcheck"
                        + " onboard`");
                // AND one line per student on the terminal
                assertThat(out.toString()).contains("s1: ready.").contains("s2: not ready: ssh_login: ")
                        .contains("s3: not ready: aws_permissions: AccessDenied on ec2:DescribeRouteTables");
                // AND nobody was graded: no student folder, no marks, no scoresheet
                try (var files = Files.list(dir.resolve("r"))) {
                    assertThat(files.map(p -> p.getFileName().toString())).containsExactly("preflight.csv");
                }
                // AND no secret it was given reaches an output: the password's value, the keys' private halves
                String outputs = out + "\n" + err + "\n" + Files.readString(dir.resolve("r").resolve("preflight.csv"));
                assertThat(outputs).doesNotContain(lab.dbPassword()).doesNotContain("PRIVATE KEY");
                for (Path key : List.of(sshd.rsaKey(), sshd.ed25519Key(), stranger)) {
                    assertThat(outputs).as("a line of " + key).doesNotContain(Files.readAllLines(key).get(1));
                }

                // WHEN only the good row is checked, THEN every row is ready: exit 0
                Path good = Files.writeString(dir.resolve("good.csv"), HEADER
                        + row("s1", roles.fullArn(), "ws-good", sshd.rsaKey()));
                out.getBuffer().setLength(0);
                assertThat(preflight(good, env, "--preflight-budget", "90s")).as(out + "\n" + err).isZero();
                assertThat(out.toString()).isEqualTo("s1: ready.\n");
            });
        }
    }

    @Test
    void anInstanceThatNeverAnswersCostsItsOwnBudgetAndAnUnsetPasswordIsNamed() throws Exception {
        // GIVEN a port that accepts connections and never speaks SSH, and a password variable not set
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String csv = "student_id,app_url,db_user,db_password_env,ssh_user,ssh_host,ssh_port,ssh_key\n"
                    + "s9,http://127.0.0.1:5001,admin,S9_DB_PASSWORD," + USER + ",127.0.0.1," + silent.getLocalPort()
                    + "," + sshd.rsaKey() + "\n";
            Path roster = Files.writeString(dir.resolve("roster.csv"), csv);

            // WHEN the preflight runs with a 3 s budget
            long t0 = System.nanoTime();
            int code = preflight(roster, Map.of(), "--preflight-budget", "3s");
            double seconds = (System.nanoTime() - t0) / 1e9;

            // THEN the row is not ready, naming the SSH step and the variable, and it took its budget, not minutes
            assertThat(code).as(out + "\n" + err).isEqualTo(3);
            String file = Files.readString(dir.resolve("r").resolve("preflight.csv"));
            assertThat(file).contains("S9_DB_PASSWORD is not set").contains("read -rs S9_DB_PASSWORD");
            assertThat(out.toString()).startsWith("s9: not ready: ssh_login: ");
            assertThat(seconds).as("a hung instance costs its budget (3 s) and the grace, not the SSH timeouts")
                    .isLessThan(30);
        }
    }

    @Test
    void aRosterThatCannotBeReadIsAUsageErrorAndAnUnusableRowIsNotReady() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "student_id,colour\ns1,red\n");
        assertThat(preflight(bad, Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("colour");

        Path unusable = Files.writeString(dir.resolve("rows.csv"), "student_id,app_url\ns1,ftp://x\ns2,\n");
        assertThat(preflight(unusable, Map.of())).isEqualTo(3);
        String file = Files.readString(dir.resolve("r").resolve("preflight.csv"));
        assertThat(file).contains("s1,,no,row 2 (s1): app_url 'ftp://x' is not an http(s) URL");
        assertThat(out.toString()).contains("s1: not ready: roster: row 2 (s1)");
        assertThat(FreePort.find()).isPositive();
    }
}
