package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import labcheck.collect.FreePort;
import org.junit.jupiter.api.Test;

/** {@code labcheck doctor --ssh}: every target asked through a real sshd in front of the embedded lab. */
class DoctorThroughSshTest extends SshLabFixture {

    private int doctor(Map<String, String> env, String... args) {
        DoctorCommand command = new DoctorCommand();
        command.env = env;
        picocli.CommandLine cmd = new picocli.CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private List<String> ssh(String target) throws Exception {
        return List.of("--ssh", target, "--ssh-key", sshd.rsaKey().toString(), "--ssh-known-hosts",
                sshd.knownHosts(dir.resolve("known_hosts")).toString());
    }

    @Test
    void throughTheInstanceEveryTargetIsAskedOverItsForwardAndAllHoldExitsZero() throws Exception {
        // GIVEN the apps, Redis and MariaDB as the instance (sshd's host) sees them
        List<String> args = new java.util.ArrayList<>(ssh(sshd.target(USER)));
        args.addAll(List.of("--app", lab.cacheUrl(), "--baseline", lab.baselineUrl(), "--redis",
                lab.redisHost() + ":" + lab.redisPort(), "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(),
                "--db-password-env", "LAB_DB_PASSWORD"));

        int code = doctor(Map.of("LAB_DB_PASSWORD", lab.dbPassword()), args.toArray(String[]::new));

        // THEN one line says the login, each endpoint is reached over a forward and logged into: exit 0
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.ALL_MARKS);
        assertThat(out.toString()).contains("OK    SSH to ").contains("logged in")
                .contains("accepted a connection from the instance (an SSH forward)").contains("answered PING")
                .contains("accepted the login").contains("answered 200").contains("SKIP  AWS was not checked")
                .doesNotContain("FAIL").doesNotContain(lab.dbPassword());
    }

    @Test
    void anSshLoginThatFailsSaysWhichLinesCouldNotBeCheckedFromHere() throws Exception {
        // GIVEN nothing listens where sshd should
        int code = doctor(Map.of(), ssh(USER + "@127.0.0.1:" + FreePort.find()).toArray(String[]::new));

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  SSH to ").contains("Fix: check --ssh USER@HOST and --ssh-key")
                .contains("SKIP  The apps, Redis and the database were not checked: they are reached through the SSH"
                        + " login.");
    }
}
