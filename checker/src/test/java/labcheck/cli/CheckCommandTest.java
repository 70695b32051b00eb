package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import labapp.EmbeddedLab;
import labcheck.evidence.SecretGuard;
import labcheck.report.CheckResult;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code labcheck check} against the reference app on embedded Redis and MariaDB. */
class CheckCommandTest {

    private static final List<String> APP_ITEMS = List.of("app-connects", "lazy-loading", "ttl", "improvement",
            "hit-ratio");

    private static EmbeddedLab lab;

    @TempDir
    Path dir;

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

    private int check(Map<String, String> env, String... args) {
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void theReferenceAppEarnsAllFourteenAppSideMarksAndTheAwsItemsSaySkipped() throws Exception {
        // WHEN a student checks the app with Redis and the database reachable, without AWS
        int code = check(Map.of("LAB_DB_PASSWORD", lab.dbPassword()),
                "--app", lab.cacheUrl(), "--baseline", lab.baselineUrl(),
                "--redis", lab.redisHost() + ":" + lab.redisPort(),
                "--db-url", lab.jdbcUrl(), "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD",
                "--student", "s42", "--out", dir.toString());

        // THEN the 14 app-side marks are earned, and the 6 AWS marks are unverifiable with the command to run
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
        Scoresheet sheet = JsonReport.fromJson(Files.readString(dir.resolve("scoresheet.json")), "scoresheet.json");
        double appMarks = sheet.items().stream().filter(i -> APP_ITEMS.contains(i.id())).mapToDouble(i -> i.marks())
                .sum();
        assertThat(appMarks).isEqualTo(14.0);
        assertThat(sheet.total()).isEqualTo(14.0);
        // (the deadline item, judged only with --deadline, says to give one: see DeadlineChecksTest)
        List<CheckResult> aws = sheet.items().stream().filter(i -> !APP_ITEMS.contains(i.id()))
                .filter(i -> !i.id().equals("unchanged-after-deadline"))
                .flatMap(i -> i.checks().stream()).toList();
        assertThat(aws).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
            assertThat(c.message()).contains("--region");
        });
        assertThat(err.toString()).contains("no AWS region or profile given");
        // AND no password reaches any file
        for (String f : List.of("evidence.json", "scoresheet.json", "scoresheet.html", "junit.xml", "results.json")) {
            String text = Files.readString(dir.resolve(f));
            assertThat(text).as(f).doesNotContain(lab.dbPassword());
            assertThat(SecretGuard.findSecret(text)).as(f).isNull();
        }
    }

    @Test
    void nothingToCheckIsAUsageErrorThatPointsToTheDemo() {
        // off EC2: the metadata service (here a closed loopback port) does not answer
        assertThat(check(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + labcheck.collect.FreePort.find()),
                "--out", dir.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("nothing to check").contains("labcheck demo");
    }

    @Test
    void anAppUrlWithoutASchemeIsAUsageErrorWithTheFix() {
        assertThat(check(Map.of(), "--app", "127.0.0.1:5001", "--out", dir.toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("has no scheme. Fix: write http://127.0.0.1:5001.")
                .doesNotContain("\tat ");
    }

    @Test
    void aPasswordVariableThatIsNotSetIsNamed() {
        assertThat(check(Map.of(), "--app", lab.cacheUrl(), "--db-url", lab.jdbcUrl(), "--db-password-env", "NOPE",
                "--out", dir.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("NOPE is not set");
    }
}
