package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import labapp.EmbeddedLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code labcheck doctor} against the reference app on embedded Redis and MariaDB. */
class DoctorCommandTest {

    private static EmbeddedLab lab;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    private int doctor(Map<String, String> env, String... args) {
        DoctorCommand command = new DoctorCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static Map<String, String> offEc2(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT",
                "http://127.0.0.1:" + labcheck.collect.FreePort.find()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void everyPrerequisiteOfTheReferenceAppHoldsAndExitsZero() {
        int code = doctor(offEc2("LAB_DB_PASSWORD", lab.dbPassword()), "--app", lab.cacheUrl(),
                "--baseline", lab.baselineUrl(), "--redis", lab.redisHost() + ":" + lab.redisPort(),
                "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD");

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.ALL_MARKS);
        assertThat(out.toString()).contains("is listening (the cache app)").contains("answered 200")
                .contains("is listening (the no-cache app)").contains("Redis at").contains("accepted the login")
                .contains("LAB_DB_PASSWORD is set").contains("prerequisites hold").doesNotContain("FAIL")
                .doesNotContain(lab.dbPassword());
    }

    @Test
    void aCacheAppThatIsNotListeningIsNamedWithItsPortAndTheFixAndExitsThree() throws Exception {
        // GIVEN nothing listens where the cache app should (a port taken and released)
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int code = doctor(offEc2(), "--app", "http://localhost:" + port, "--baseline", lab.baselineUrl());

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  localhost:" + port + " is not listening")
                .contains("Fix: start the cache app on port " + port)
                .contains("is listening (the no-cache app)");
    }

    @Test
    void aPasswordVariableThatIsNotSetIsAFailingLineWithTheCommandToSetIt() {
        int code = doctor(offEc2(), "--app", lab.cacheUrl(), "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser());

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  DB_PASSWORD is not set").contains("read -rs DB_PASSWORD");
    }

    @Test
    void aWrongDatabasePasswordIsAFailingLogin() {
        int code = doctor(offEc2("LAB_DB_PASSWORD", "not-the-password"), "--app", lab.cacheUrl(),
                "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD");

        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        assertThat(out.toString()).contains("FAIL  The database").doesNotContain("not-the-password");
    }
}
