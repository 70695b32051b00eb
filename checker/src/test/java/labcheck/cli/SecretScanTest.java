package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check, grade, batch and merge, end to end, with a secret planted in every input channel: none comes out. */
class SecretScanTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SecretScan scan;

    @BeforeEach
    void plant() {
        scan = SecretScan.start(tmp);
    }

    @AfterEach
    void stop() {
        scan.close();
    }

    private int check(Map<String, String> env, String... args) {
        CheckCommand command = new CheckCommand();
        command.env = env;
        return execute(new CommandLine(command), args);
    }

    private int execute(CommandLine cmd, String... args) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path checkedBundle() throws Exception {
        Path dir = tmp.resolve("check");
        int code = check(scan.env(), "--app", scan.appUrl(), "--source", scan.sourceFile().toString(),
                "--requests", "5", "--budget", "60", "--student", "s1", "--out", dir.toString());
        assertThat(code).as(err.toString()).isIn(ExitCodes.ALL_MARKS, ExitCodes.MARKS_LOST);
        return dir;
    }

    @Test
    void checkWritesEveryFileAndNoPlantedSecretReachesOutputErrorsOrFiles() throws Exception {
        // GIVEN an app whose product description holds a password URL and a source with an inline password
        Path graded = checkedBundle();
        // AND every refusal: a password as a variable name, tokens and credentials in URLs, a password in the config
        String app = scan.appUrl();
        String db = "jdbc:mysql://127.0.0.1:1/shop";
        Path refused = tmp.resolve("refused");
        Map<String, String> withConfig = new HashMap<>(scan.env());
        withConfig.put("LABCHECK_CONFIG", scan.configFile().toString());
        assertThat(check(scan.env(), "--app", app, "--db-url", db, "--db-password-env", SecretScan.FLAG,
                "--out", refused.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(check(scan.env(), "--app", app + "/?token=" + SecretScan.URL, "--out", refused.toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(check(scan.env(), "--app", "admin:" + SecretScan.URL + "@127.0.0.1:5001", "--out",
                refused.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(check(scan.env(), "--app", app, "--redis", ":" + SecretScan.URL + "#x@127.0.0.1:6379", "--out",
                refused.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(check(scan.env(), "--app", app, "--db-url", "jdbc:mysql://(host=127.0.0.1,password="
                + SecretScan.URL + ")/shop", "--out", refused.toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(check(withConfig, "--app", app, "--out", refused.toString())).isEqualTo(ExitCodes.INPUT_ERROR);

        // THEN the graded run wrote its bundle and every scoresheet, redacted
        assertThat(graded.resolve("evidence.json")).exists();
        assertThat(graded.resolve("scoresheet.html")).exists();
        assertThat(Files.readString(graded.resolve("evidence.json"))).contains("https://[redacted]@mirror.example",
                "password='[redacted]'");
        // AND no planted secret is anywhere
        // the history beside --out included: outcomes and marks only
        assertThat(tmp.resolve(labcheck.history.History.FILE)).exists();
        scan.assertNoneLeaked(out.toString(), err.toString(), tmp.resolve("check"), refused, tmp.resolve(".labcheck"));
    }

    @Test
    void gradeOfAPlantedBundleLeaksNothing() throws Exception {
        Path bundle = checkedBundle();
        Path regraded = tmp.resolve("regraded");

        int code = execute(Labcheck.commandLine(), "grade", bundle.toString(), "--out", regraded.toString());

        assertThat(code).as(err.toString()).isIn(ExitCodes.ALL_MARKS, ExitCodes.MARKS_LOST);
        assertThat(regraded.resolve("scoresheet.json")).exists();
        scan.assertNoneLeaked(out.toString(), err.toString(), regraded, tmp.resolve(".labcheck"));
    }

    @Test
    void batchAndMergeOfARosterWithPlantedSecretsLeakNothing() throws Exception {
        // GIVEN a roster: one good student, and rows carrying a secret where a name or a URL belongs
        Path roster = Files.writeString(tmp.resolve("roster.csv"), String.join("\n",
                "student_id,name,app_url,redis,db_url,db_password_env",
                "s1,Ann," + scan.appUrl() + ",,,",
                "s2,Ben," + scan.appUrl() + ",,jdbc:mysql://127.0.0.1:1/shop," + SecretScan.ROSTER,
                "s3,Cy,http://admin:" + SecretScan.ROSTER + "@127.0.0.1:1,,,",
                "s4,Di," + scan.appUrl() + ",:" + SecretScan.URL + "#x@127.0.0.1:6379,,",
                "s5,Ed," + scan.appUrl() + "/?token=" + SecretScan.URL + ",,,", ""));
        Path results = tmp.resolve("results");
        BatchCommand batch = new BatchCommand(new LiveGrading(scan.env(), Clock.systemUTC()), scan.env());

        int code = execute(new CommandLine(batch), roster.toString(), "--out", results.toString(), "--budget", "60s",
                "--progress", "lines");

        // THEN the good student is graded, the others are reported, and no secret is anywhere
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(Files.readString(results.resolve("marks.csv"))).contains("s1,Ann");
        Path merged = tmp.resolve("merged");
        assertThat(execute(Labcheck.commandLine(), "merge", results.toString(), "--out", merged.toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(merged.resolve("summary.html")).exists();
        scan.assertNoneLeaked(out.toString(), err.toString(), results, merged);
    }
}
