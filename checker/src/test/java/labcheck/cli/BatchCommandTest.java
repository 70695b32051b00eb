package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcheck.batch.Accounts;
import labcheck.batch.FixtureGrader;
import labcheck.batch.Grading;
import labcheck.batch.JsonScoresheetWriter;
import labcheck.batch.LabServer;
import labcheck.batch.MixedCohort;
import labcheck.batch.TestRubric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BatchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LabServer server;
    private Path accounts;

    @BeforeEach
    void startApps() throws Exception {
        server = new LabServer().app("good", LabServer.App.good())
                .app("broken", new LabServer.App("disconnected", 1, 0));
        accounts = Files.createDirectories(dir.resolve("accounts"));
    }

    @AfterEach
    void stopApps() {
        server.close();
    }

    private Grading.Factory grading() {
        return (rubric, templates) -> new Grading(new FixtureGrader(accounts, new TestRubric(), 0), new TestRubric(),
                new JsonScoresheetWriter());
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cmd = new CommandLine(new BatchCommand(grading(), env));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path roster(String... apps) throws Exception {
        StringBuilder csv = new StringBuilder("student_id,name,region,profile,app_url\n");
        for (int i = 0; i < apps.length; i++) {
            String id = "c" + (i + 1);
            Accounts.cluster(accounts, id, "10000000000" + i, "available", "cache.t2.micro");
            csv.append(id).append(",Student ").append(i + 1).append(",us-east-1,judge,").append(server.url(apps[i]))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("roster.csv"), csv.toString());
    }

    @Test
    void exitsZeroWhenEveryStudentHasFullMarks() throws Exception {
        Path roster = roster("good", "good");
        int exit = run(Map.of(), roster.toString(), "--out", dir.resolve("r").toString(), "--jobs", "2",
                "--progress", "lines");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 student(s) to grade", "c1 full_marks 10/10", "c2 full_marks 10/10");
        assertThat(Files.readString(dir.resolve("r/marks.csv"))).contains("c2,Student 2,full_marks,4,3,3,10,10");
    }

    @Test
    void exitsThreeWhenSomeoneLostMarks() throws Exception {
        int exit = run(Map.of(), roster("good", "broken").toString(), "--out", dir.resolve("r").toString());
        assertThat(exit).isEqualTo(3);
    }

    @Test
    void exitsTwoForBadRosterRowsAfterGradingTheRest() throws Exception {
        try (MixedCohort cohort = new MixedCohort(dir.resolve("mixed"))) {
            CommandLine cmd = new CommandLine(new BatchCommand((r, t) -> new Grading(
                    new FixtureGrader(cohort.accounts, new TestRubric(), 0), new TestRubric(),
                    new JsonScoresheetWriter()), Map.of()));
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            int exit = cmd.execute(cohort.roster.toString(), "--out", dir.resolve("r").toString(), "--budget", "2s");
            assertThat(exit).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("r/marks.csv"))).isEqualTo(MixedCohort.EXPECTED_MARKS);
    }

    @Test
    void usageErrorsExitTwoWithTheReason() throws Exception {
        assertThat(run(Map.of(), "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give a roster file");
        Path roster = roster("good");
        assertThat(run(Map.of(), roster.toString(), "--shard", "3/2")).isEqualTo(2);
        assertThat(run(Map.of(), roster.toString(), "--budget", "soon")).isEqualTo(2);
        assertThat(run(Map.of(), roster.toString(), "--jobs", "0")).isEqualTo(2);
        assertThat(run(Map.of(), roster.toString(), "--progress", "fancy")).isEqualTo(2);
        assertThat(run(Map.of("JOB_COMPLETION_INDEX", "1"), roster.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("1 <= K <= N", "'soon' is not a duration", "--jobs must be at least 1",
                "--progress must be auto, bar or lines", "pass --shard-count N");
    }

    @Test
    void theShardComesFromTheEnvironmentOfAKubernetesIndexedJob() throws Exception {
        Path roster = roster("good", "good", "good", "good", "good", "good");
        int graded = 0;
        for (int index = 0; index < 3; index++) {
            Path shardOut = dir.resolve("shard-" + index);
            run(Map.of("JOB_COMPLETION_INDEX", String.valueOf(index)), roster.toString(), "--shard-count", "3",
                    "--out", shardOut.toString());
            graded += (int) Files.readAllLines(shardOut.resolve("marks.csv")).stream().skip(1).count();
        }
        assertThat(graded).as("the three shards together grade each student once").isEqualTo(6);

        Path merged = dir.resolve("merged");
        CommandLine merge = new CommandLine(new MergeCommand());
        merge.setErr(new PrintWriter(err, true));
        int exit = merge.execute(dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(),
                dir.resolve("shard-2").toString(), "--out", merged.toString());
        assertThat(exit).isZero();
        run(Map.of("LABCHECK_SHARD", "1/1"), roster.toString(), "--out", dir.resolve("whole").toString());
        assertThat(Files.readString(merged.resolve("summary.html")))
                .isEqualTo(Files.readString(dir.resolve("whole/summary.html")));
    }

    @Test
    void helpListsTheExitCodes() {
        run(Map.of(), "--help");
        assertThat(out.toString()).contains("Exit codes:", "3   graded, some student lost marks", "--shard=K/N",
                "--regrade-from-evidence");
    }

    @Test
    void picocliCanBuildTheCommandWithItsDefaultConstructor() {
        CommandLine cmd = new CommandLine(BatchCommand.class);
        cmd.setOut(new PrintWriter(out, true));
        assertThat(cmd.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: batch");
    }

    @Test
    void mergeOfAMissingDirectoryIsAUsageError() {
        CommandLine merge = new CommandLine(new MergeCommand());
        merge.setErr(new PrintWriter(err, true));
        assertThat(merge.execute(dir.resolve("nope").toString(), "--out", dir.resolve("m").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory of batch results");
        assertThat(merge.execute(dir.toString())).as("--out is required").isEqualTo(2);
    }

    @Test
    void credentialsRejectedMidBatchStopTheRunWithExitTwoAndStoreNothingAfter() throws Exception {
        // GIVEN the judge's session expires after the first student
        Path roster = roster("good", "good", "good");
        Grading.Factory expiring = (rubric, templates) -> {
            FixtureGrader real = new FixtureGrader(accounts, new TestRubric(), 0);
            return new Grading((student, budget) -> {
                if (!student.studentId().equals("c1")) {
                    throw new labcheck.batch.CredentialsRejected("The AWS session token has expired (ExpiredToken):"
                            + " refresh the credentials (`aws sso login --profile judge`) and run labcheck again.");
                }
                return real.grade(student, budget);
            }, new TestRubric(), new JsonScoresheetWriter());
        };
        CommandLine cmd = new CommandLine(new BatchCommand(expiring, Map.of()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int exit = cmd.execute(roster.toString(), "--out", dir.resolve("r").toString(), "--jobs", "1");

        // THEN the run stops with the fix, and a rerun would grade c2 and c3
        assertThat(exit).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("labcheck batch: stopped: The AWS session token has expired",
                "aws sso login --profile judge", "rerun the same command once the credentials are fixed");
        assertThat(dir.resolve("r/c1/COMPLETE")).exists();
        assertThat(dir.resolve("r/c2")).doesNotExist();
        assertThat(dir.resolve("r/c3")).doesNotExist();
    }
}
