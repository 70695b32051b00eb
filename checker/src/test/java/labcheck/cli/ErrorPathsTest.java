package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every command's bad inputs, end to end through the root command: exit 2 naming the thing and the fix. */
class ErrorPathsTest {

    private static final String BUNDLE = "src/test/resources/bundles/correct";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path roster() throws IOException {
        return Files.writeString(tmp.resolve("roster.csv"), "student_id,name,app_url\ns1,Ann,http://127.0.0.1:1\n");
    }

    private Path aFile() throws IOException {
        return Files.writeString(tmp.resolve("plain-file"), "x");
    }

    private Path aDanglingLink() throws IOException {
        return Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
    }

    private void assertOneCleanLine(String... expected) {
        assertThat(err.toString()).contains(expected).doesNotContain("\tat ", "Exception:");
    }

    @Test
    void batchWithAMissingRubricFileExitsTwoNamingTheFile() throws IOException {
        int code = run("batch", roster().toString(), "--rubric", tmp.resolve("nope.yaml").toString(),
                "--out", tmp.resolve("r").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("labcheck batch: ", "nope.yaml");
    }

    @Test
    void batchAndMergeWithAMissingTemplatesDirectoryExitTwo() throws IOException {
        assertThat(run("batch", roster().toString(), "--templates", "no/such/dir", "--out",
                tmp.resolve("r").toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("merge", tmp.toString(), "--templates", "no/such/dir", "--out", tmp.resolve("m").toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("labcheck batch: --templates no/such/dir is not a directory. Fix:",
                "labcheck merge: --templates no/such/dir is not a directory. Fix:");
    }

    @Test
    void anOutDirectoryUnderAFileIsRefusedByEveryCommandBeforeAnyWork() throws IOException {
        String under = aFile().resolve("results").toString();

        assertThat(run("batch", roster().toString(), "--out", under)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("merge", tmp.toString(), "--out", under)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("grade", BUNDLE, "--out", under)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("check", "--app", "http://127.0.0.1:1", "--out", under)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("collect", "--region", "us-east-1", "--out", under)).isEqualTo(ExitCodes.INPUT_ERROR);

        assertOneCleanLine("--out " + under + " cannot be used: " + tmp.resolve("plain-file")
                + " is a file, not a directory. Fix: give --out a directory you can write");
        assertThat(err.toString().lines().filter(l -> l.contains("is a file, not a directory"))).hasSize(5);
        assertThat(out.toString()).doesNotContain("Probing", "TOTAL");
    }

    @Test
    void anOutDirectoryThatIsADanglingLinkIsRefusedNamingTheMissingTarget() throws IOException {
        String link = aDanglingLink().toString();

        assertThat(run("batch", roster().toString(), "--out", link)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("grade", BUNDLE, "--out", link)).isEqualTo(ExitCodes.INPUT_ERROR);

        assertOneCleanLine("is a symbolic link to " + tmp.resolve("gone") + ", which does not exist");
    }

    @Test
    void anAbsurdBudgetOrJobCountIsAUsageError() throws IOException {
        String roster = roster().toString();
        String r = tmp.resolve("r").toString();

        assertThat(run("batch", roster, "--out", r, "--budget", "100000h")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("batch", roster, "--out", r, "--budget", "0s")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("batch", roster, "--out", r, "--budget", "99999999999999999999h"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("batch", roster, "--out", r, "--jobs", "100000")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run("check", "--app", "http://127.0.0.1:1", "--budget", "99999999", "--out", r))
                .isEqualTo(ExitCodes.INPUT_ERROR);

        assertOneCleanLine("is more than a day per student. Fix:", "the per-student time budget must be positive",
                "is not a duration", "--jobs 100000 is more than 512. Fix:", "seconds is more than an hour. Fix:");
        assertThat(tmp.resolve("r/marks.csv")).doesNotExist();
    }

    @Test
    void aRosterWithOnlyAHeaderExitsTwoSayingItNamesNoStudents() throws IOException {
        Path roster = Files.writeString(tmp.resolve("empty.csv"), "student_id,name,app_url\n");

        int code = run("batch", roster.toString(), "--out", tmp.resolve("r").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("names no students. Fix: add one row per student");
    }

    @Test
    void mergingADirectoryThatDoesNotExistExitsTwo() {
        int code = run("merge", tmp.resolve("shard-9").toString(), "--out", tmp.resolve("m").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("shard-9 is not a directory of batch results");
    }

    @Test
    void anErrorInsideACommandIsOneLineAndExitOneNotAStackTrace() {
        CommandLine cli = new CommandLine(new Overflowing());
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute();

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: internal error: StackOverflowError (this is a labcheck bug;"
                + " rerun with LABCHECK_DEBUG=1 for details and please report it)\n");
    }

    @Test
    void anExceptionReachingTheRootHandlerIsPrintedWithItsSecretRedacted() {
        CommandLine cli = Labcheck.commandLine();
        cli.addSubcommand("unguarded", new Unguarded());
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("unguarded");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: internal error: java.lang.IllegalStateException: cannot"
                + " reach redis://[redacted]@cache:6379 (this is a labcheck bug; please report it)\n");
    }

    /** Not a GuardedCommand: what it throws reaches the root command line's last-resort handler. */
    @Command(name = "unguarded")
    static final class Unguarded implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("cannot reach redis://default:hunter2@cache:6379");
        }
    }

    @Test
    void aLinkageErrorInsideACommandIsOneRedactedLineAndExitOne() {
        CommandLine cli = new CommandLine(new Unlinkable());
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute();

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: internal error: LinkageError: cannot link"
                + " redis://[redacted]@cache:6379 (this is a labcheck bug; rerun with LABCHECK_DEBUG=1 for details"
                + " and please report it)\n");
    }

    @Command(name = "unlinkable")
    static final class Unlinkable extends GuardedCommand {
        @Override
        protected int run() {
            throw new LinkageError("cannot link redis://default:hunter2@cache:6379");
        }
    }

    @Command(name = "overflowing")
    static final class Overflowing extends GuardedCommand {
        @Override
        protected int run() {
            return recurse(0);
        }

        private int recurse(int depth) {
            return depth < 0 ? depth : recurse(depth + 1) + 1;
        }
    }

    @Test
    void checkWithRequestsOrConcurrencyTheProbeRefusesExitsTwoWithItsBounds() {
        int requests = run("check", "--app", "http://127.0.0.1:1", "--requests", "2", "--out", tmp.resolve("o").toString());
        int concurrency = run("check", "--app", "http://127.0.0.1:1", "--concurrency", "5000", "--out",
                tmp.resolve("o").toString());

        assertThat(requests).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(concurrency).isEqualTo(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("labcheck: --requests 2 is outside 5..100000 (fewer than 5 pairs show no saving worth"
                + " trusting). Fix: give --requests from 5 to 100000, or leave it out for the rubric's 100.",
                "labcheck: --concurrency 5000 is outside 0..1000. Fix: give 0 (no load test) up to 1000");
    }

    @Test
    void checkWithAnImpossiblePortInAppBaselineRedisOrSshExitsTwoBeforeProbing() {
        String out = tmp.resolve("o").toString();
        int app = run("check", "--app", "http://127.0.0.1:0", "--out", out);
        int baseline = run("check", "--app", "http://127.0.0.1:5001", "--baseline", "http://127.0.0.1:70000",
                "--out", out);
        int redis = run("check", "--app", "http://127.0.0.1:5001", "--redis", "127.0.0.1:99999", "--out", out);
        int ssh = run("check", "--ssh", "ec2-user@127.0.0.1:0", "--ssh-key", "k.pem", "--out", out);

        assertThat(List.of(app, baseline, redis, ssh)).containsOnly(ExitCodes.INPUT_ERROR);
        assertOneCleanLine("labcheck: the app URL (--app) 'http://127.0.0.1:0' names port 0",
                "labcheck: the no-cache app URL (--baseline) 'http://127.0.0.1:70000' names port 70000",
                "labcheck: the Redis endpoint '127.0.0.1:99999' names port 99999",
                "labcheck: --ssh 'ec2-user@127.0.0.1:0' has no valid port. Fix: give USER@HOST or USER@HOST:PORT with"
                        + " a port from 1 to 65535.");
        assertThat(err.toString()).doesNotContain("Probing");
    }
}
