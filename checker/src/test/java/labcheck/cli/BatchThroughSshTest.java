package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import labcheck.collect.FreePort;
import labcheck.report.CheckResult;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code labcheck batch} with the roster's SSH columns: one connection per student, a failed one graded with the reason. */
class BatchThroughSshTest extends SshLabFixture {

    @Test
    void aStudentReachedOverSshIsGradedThroughItAndOneWhoseSshFailsIsGradedWithTheReason() throws Exception {
        // GIVEN a roster: s1 through a working sshd, s2 through a port where none listens
        int cachePort = Integer.parseInt(lab.cacheUrl().replaceAll(".*:", ""));
        int basePort = Integer.parseInt(lab.baselineUrl().replaceAll(".*:", ""));
        Path kh = sshd.knownHosts(dir.resolve("known_hosts"));
        String csv = "student_id,app_url,baseline_url,redis,db_url,db_user,db_password_env,ssh_user,ssh_host,"
                + "ssh_port,ssh_key\n"
                + "s1,http://203.0.113.10:" + cachePort + ",http://203.0.113.10:" + basePort + ","
                + lab.redisHost() + ":" + lab.redisPort() + "," + lab.jdbcUrl() + "," + lab.dbUser()
                + ",LAB_DB_PASSWORD," + USER + ",127.0.0.1," + sshd.port() + "," + sshd.rsaKey() + "\n"
                + "s2,http://127.0.0.1:5001,,,,,," + USER + ",," + FreePort.find() + "," + sshd.rsaKey() + "\n";
        Path roster = Files.writeString(dir.resolve("roster.csv"), csv);
        Map<String, String> env = Map.of("LAB_DB_PASSWORD", lab.dbPassword(),
                "LABCHECK_SSH_KNOWN_HOSTS", kh.toString());

        // WHEN the batch runs with the production grading
        CommandLine cmd = new CommandLine(new BatchCommand(new LiveGrading(env, Clock.systemUTC()), env));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(roster.toString(), "--out", dir.resolve("r").toString(), "--jobs", "2",
                "--progress", "lines");

        // THEN s1 earns its 14 app-side marks through SSH (ssh_host given, app on the instance's localhost)
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.MARKS_LOST);
        Scoresheet s1 = sheet("s1");
        assertThat(CheckThroughSshTest.appMarks(s1)).as(out.toString()).isEqualTo(14.0);
        // AND s2 is graded on what was reachable, its app items unverifiable with the SSH reason
        Scoresheet s2 = sheet("s2");
        CheckResult health = CheckThroughSshTest.result(s2, "app_health_redis_connected");
        assertThat(health.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(health.message()).contains("refused the connection").contains("--ssh");
    }

    private Scoresheet sheet(String id) throws Exception {
        return JsonReport.fromJson(Files.readString(dir.resolve("r").resolve(id).resolve("scoresheet.json")), id);
    }
}
