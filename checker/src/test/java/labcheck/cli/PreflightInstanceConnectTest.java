package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcheck.batch.Csv;
import labcheck.collect.FakeAws;
import labcheck.collect.InstanceConnectFake;
import labcheck.collect.Lab;
import labcheck.collect.Labs;
import labcheck.collect.ReadOnlyGuard;
import labcheck.evidence.Ec2Instance;
import labcheck.reach.Sshd;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code labcheck batch --preflight} for rows with {@code ssh_via: instance-connect} and no key file: the
 * same way in as grading, against real parts. The fake AWS shows the app instance at 127.0.0.1 and a second
 * one at 127.0.0.2 and takes the pushes; Debian's real sshd asks for keys only through its
 * AuthorizedKeysCommand, which reads what the fake received; the embedded lab's apps answer behind it.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class PreflightInstanceConnectTest extends SshLabFixture {

    private static final String HEADER = "student_id,region,app_url,baseline_url,db_user,db_password_env,ssh_user,"
            + "ssh_host,ssh_port,ssh_via\n";

    @BeforeEach
    void needsSshd() {
        Assumptions.assumeTrue(Sshd.unavailable() == null, Sshd.unavailable());
    }

    /** The app instance at 127.0.0.1, and i-0denied at 127.0.0.2, whose pushes a test may deny. */
    private static Lab twoInstances() {
        Lab lab = Labs.appInstanceAt("127.0.0.1");
        Ec2Instance app = lab.instances().get(0);
        Ec2Instance other = app.toBuilder().instanceId("i-0denied").publicIpAddress("127.0.0.2")
                .privateIpAddress("10.0.1.99").build();
        return new Lab(lab.clusters(), lab.groups(), lab.serverless(), lab.subnetGroups(), lab.subnets(),
                lab.routeTables(), lab.securityGroups(), List.of(app, other), lab.dbs(), lab.alarms());
    }

    private int preflight(Path roster, Map<String, String> env) {
        CommandLine cmd = new CommandLine(new BatchCommand(new LiveGrading(env, Clock.systemUTC()), env));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute("--preflight", roster.toString(), "--out", dir.resolve("r").toString(), "--jobs", "2",
                "--preflight-budget", "60s");
    }

    private String row(String id, String host, int port) {
        int cachePort = Integer.parseInt(lab.cacheUrl().replaceAll(".*:", ""));
        int basePort = Integer.parseInt(lab.baselineUrl().replaceAll(".*:", ""));
        return id + ",us-east-1,http://" + host + ":" + cachePort + ",http://" + host + ":" + basePort + ","
                + lab.dbUser() + ",LAB_DB_PASSWORD," + USER + "," + host + "," + port + ",instance-connect\n";
    }

    private Map<String, Map<String, String>> rows() throws Exception {
        List<Csv.Record> csv = Csv.parse(Files.readString(dir.resolve("r").resolve("preflight.csv")));
        List<String> header = csv.get(0).fields();
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Csv.Record r : csv.subList(1, csv.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), r.fields().get(i));
            }
            rows.put(cells.get("student_id"), cells);
        }
        return rows;
    }

    private Map<String, String> env(FakeAws aws, Sshd instance) throws Exception {
        return Map.of("LAB_DB_PASSWORD", lab.dbPassword(), "AWS_ENDPOINT_URL", aws.url(),
                "LABCHECK_SSH_KNOWN_HOSTS", instance.knownHosts(dir.resolve("known_hosts")).toString());
    }

    @Test
    void aRowWhosePushIsDeniedIsExactlyTheOneNotReadyWithTheOptInStatementAsItsFix() throws Exception {
        FakeAws.useFakeCredentials();
        try (FakeAws aws = FakeAws.start(twoInstances())) {
            InstanceConnectFake fake = aws.instanceConnect(dir.resolve("pushed"));
            // GIVEN pushes to i-0denied are refused, as by a policy without the opt-in statement for it
            fake.denyOn("i-0denied");
            try (Sshd instance = Sshd.start(dir, "127.0.0.1", null, fake.sshdConfig())) {
                // AND two rows with no key file: s1 at the app instance's address, s2 at i-0denied's
                Path roster = Files.writeString(dir.resolve("roster.csv"), HEADER
                        + row("s1", "127.0.0.1", instance.port()) + row("s2", "127.0.0.2", instance.port()));

                // WHEN the judges run the preflight
                int code = preflight(roster, env(aws, instance));

                // THEN exactly s2 is not ready, its cause and fix in ssh_login, and the exit code is 3
                assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
                Map<String, Map<String, String>> rows = rows();
                assertThat(rows.keySet()).containsExactly("s1", "s2");
                assertThat(rows.get("s1")).as(rows.toString()).containsEntry("ready", "yes").containsEntry("fix", "");
                assertThat(rows.get("s1").get("ssh_login")).isEqualTo("ok: " + USER + "@127.0.0.1:" + instance.port()
                        + " with a one-time key pushed by EC2 Instance Connect");
                assertThat(rows.get("s1").get("ssh_forward")).startsWith("ok: ");
                assertThat(rows.get("s1").get("app_health")).startsWith("ok: GET http://localhost:");
                assertThat(rows.get("s1").get("baseline_health")).startsWith("ok: GET http://localhost:");
                assertThat(rows.get("s2")).containsEntry("ready", "no")
                        .containsEntry("ssh_forward", "skipped: no SSH login")
                        .containsEntry("app_health", "skipped: no SSH login");
                assertThat(rows.get("s2").get("aws_access")).startsWith("ok: ");
                assertThat(rows.get("s2").get("ssh_login")).startsWith("AWS denied"
                        + " ec2-instance-connect:SendSSHPublicKey on EC2 instance i-0denied for OS user " + USER);
                assertThat(rows.get("s2").get("fix")).contains("labcheck policy --instance-connect --os-user " + USER)
                        .contains("labcheck onboard --instance-connect");
                // AND the one key accepted went to the app instance, in its zone; nothing was graded
                assertThat(fake.pushes()).isEqualTo(1);
                assertThat(fake.lastPush().orElseThrow().path("InstanceId").asText()).isEqualTo("i-0app");
                assertThat(fake.lastPush().orElseThrow().path("AvailabilityZone").asText()).isEqualTo("us-east-1a");
                try (var files = Files.list(dir.resolve("r"))) {
                    assertThat(files.map(p -> p.getFileName().toString())).containsExactly("preflight.csv");
                }

                // WHEN only the good row is checked, THEN every row is ready: exit 0
                Path good = Files.writeString(dir.resolve("good.csv"), HEADER + row("s1", "127.0.0.1",
                        instance.port()));
                out.getBuffer().setLength(0);
                assertThat(preflight(good, env(aws, instance))).as(out + "\n" + err).isZero();
                assertThat(out.toString()).isEqualTo("s1: ready.\n");
            }
        }
    }

    @Test
    void noInstanceAtSshHostAndAnSshdThatRefusesPushedKeysAreEachNamedWithTheirFix() throws Exception {
        FakeAws.useFakeCredentials();
        try (FakeAws aws = FakeAws.start(twoInstances())) {
            InstanceConnectFake fake = aws.instanceConnect(dir.resolve("pushed"));
            // GIVEN s3's ssh_host is no instance's address, and s4's sshd (the shared one) reads only its
            // authorized_keys file, as on an AMI without EC2 Instance Connect
            Path roster = Files.writeString(dir.resolve("roster.csv"), HEADER
                    + row("s3", "127.0.0.3", sshd.port()) + row("s4", "127.0.0.1", sshd.port()));

            // WHEN the judges run the preflight
            int code = preflight(roster, env(aws, sshd));

            // THEN both are not ready, each naming its cause in ssh_login
            assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
            Map<String, Map<String, String>> rows = rows();
            assertThat(rows.get("s3")).containsEntry("ready", "no");
            assertThat(rows.get("s3").get("ssh_login")).as(rows.toString())
                    .startsWith("no EC2 instance AWS showed labcheck has the address 127.0.0.3");
            assertThat(rows.get("s4")).containsEntry("ready", "no");
            assertThat(rows.get("s4").get("ssh_login")).contains("refused the key pushed with EC2 Instance Connect"
                    + " for user " + USER + " twice");
            assertThat(rows.get("s4").get("fix")).contains("Amazon Linux 2023");
            // AND only s4's instance got keys (the first and the one retry)
            assertThat(fake.pushes()).isEqualTo(2);
        }
    }
}
