package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import labcheck.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {

    /** Shaped like an AWS access key id, assembled here so no key-shaped literal is committed. */
    private static final String FAKE_KEY_ID = "AKIA" + "ABCDEFGHIJKLMNOP";

    @TempDir
    Path dir;

    private static RosterEntry student(String id) {
        return new RosterEntry(2, id, "Name " + id, "us-east-1", "judge", null, null, null, null, null, null, null,
                null, null);
    }

    @Test
    void aGraderThatThrowsIsRecordedAsAnErrorScoredOnItsCheckpointAndTheOthersAreGraded() throws Exception {
        Accounts.cluster(dir, "ok", "111111111111", "available", "cache.t2.micro");
        Accounts.cluster(dir, "boom", "222222222222", "available", "cache.t2.micro");
        TestRubric rubric = new TestRubric();
        FixtureGrader real = new FixtureGrader(dir, rubric, 0);
        StudentGrader grader = (s, budget) -> {
            StudentResult r = real.grade(s, budget);
            if (s.studentId().equals("boom")) {
                throw new IllegalStateException("probe crashed at https://u:pw@host/ with " + FAKE_KEY_ID);
            }
            return r;
        };
        ResultStore store = new ResultStore(dir.resolve("out"));
        StringWriter log = new StringWriter();
        new BatchRunner(grader, rubric, new JsonScoresheetWriter(), new Progress(new PrintWriter(log), false))
                .run(List.of(student("ok"), student("boom")), store, new BatchOptions(2, Duration.ofSeconds(10), false));

        StudentRecord boom = store.read("boom");
        assertThat(boom.status()).isEqualTo(Status.ERROR);
        assertThat(boom.message()).isEqualTo("grading failed: IllegalStateException: probe crashed at"
                + " https://[redacted]@host/ with [redacted]; graded on the evidence collected until then");
        assertThat(boom.scoresheet().items().get(0).marks()).as("the checkpointed AWS evidence still counts")
                .isEqualTo(4);
        assertThat(store.read("ok").status()).isEqualTo(Status.MARKS_LOST);
        assertThat(log.toString()).contains("[2/2]", "boom error 4/10").doesNotContain("AKIA");
    }

    @Test
    void aGraderThatReturnsNothingIsAnErrorWithEmptyEvidence() throws Exception {
        ResultStore store = new ResultStore(dir.resolve("out"));
        new BatchRunner((s, b) -> null, new TestRubric(), new JsonScoresheetWriter(), Progress.silent())
                .run(List.of(student("nil")), store, new BatchOptions(1, Duration.ofSeconds(5), false));
        StudentRecord r = store.read("nil");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).contains("returned no result");
        Evidence e = store.readEvidence("nil");
        assertThat(e.subject().studentId()).isEqualTo("nil");
        assertThat(e.cacheClusters().available()).isFalse();
    }

    @Test
    void aResultThatCannotBeWrittenIsReportedAndLeavesNoStudentDirectory() throws Exception {
        ResultStore store = new ResultStore(dir.resolve("out"));
        Accounts.cluster(dir, "w1", "111111111111", "available", "cache.t2.micro");
        TestRubric rubric = new TestRubric();
        BatchRunner.Summary s = new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, (sheet, d) -> {
            throw new java.io.IOException("disk full");
        }, Progress.silent()).run(List.of(student("w1")), store, new BatchOptions(1, Duration.ofSeconds(5), false));
        assertThat(s.writeFailures()).containsExactly("w1: could not write the result: IOException: disk full");
        assertThat(Files.exists(store.studentDir("w1"))).isFalse();
    }

    @Test
    void theProgressBarRedrawsInPlaceOnATerminal() throws Exception {
        StringWriter out = new StringWriter();
        TestRubric rubric = new TestRubric();
        new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter(),
                new Progress(new PrintWriter(out), true))
                .run(List.of(student("p1")), new ResultStore(dir.resolve("out")),
                        new BatchOptions(1, Duration.ofSeconds(5), false));
        assertThat(out.toString()).contains("\r\033[2K[------------------------------] 0/1",
                "\r\033[2K[##############################] 1/1");
    }

    @Test
    void rejectedCredentialsStopTheRunAndNothingAfterIsStoredAsFinished() throws Exception {
        // GIVEN three students on one worker, the judge's session expiring at the second
        TestRubric rubric = new TestRubric();
        for (String id : List.of("a1", "a2", "a3")) {
            Accounts.cluster(dir, id, "111111111111", "available", "cache.t2.micro");
        }
        FixtureGrader real = new FixtureGrader(dir, rubric, 0);
        StudentGrader grader = (s, budget) -> {
            if (!s.studentId().equals("a1")) {
                throw new CredentialsRejected("The AWS session token has expired (ExpiredToken).");
            }
            return real.grade(s, budget);
        };
        ResultStore store = new ResultStore(dir.resolve("out"));

        BatchRunner.Summary summary = new BatchRunner(grader, rubric, new JsonScoresheetWriter(), Progress.silent())
                .run(List.of(student("a1"), student("a2"), student("a3")), store,
                        new BatchOptions(1, Duration.ofSeconds(10), false));

        // THEN the run says why it stopped, and only the student graded before is stored
        assertThat(summary.fatal()).isEqualTo("The AWS session token has expired (ExpiredToken).");
        assertThat(store.completedIds()).containsExactly("a1");
    }

    @Test
    void timedOutAndFailedStudentsAreRetriedOnTheNextRunUnlessKeepFailedIsGiven() throws Exception {
        TestRubric rubric = new TestRubric();
        Accounts.cluster(dir, "t1", "111111111111", "available", "cache.t2.micro");
        ResultStore store = new ResultStore(dir.resolve("out"));
        StudentGrader failing = (s, budget) -> {
            throw new IllegalStateException("app unreachable");
        };
        new BatchRunner(failing, rubric, new JsonScoresheetWriter(), Progress.silent())
                .run(List.of(student("t1")), store, new BatchOptions(1, Duration.ofSeconds(10), false));
        assertThat(store.read("t1").status()).isEqualTo(Status.ERROR);

        BatchRunner good = new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter(),
                Progress.silent());
        BatchRunner.Summary kept = good.run(List.of(student("t1")), store,
                new BatchOptions(1, Duration.ofSeconds(10), false, false));
        assertThat(kept.skipped()).as("--keep-failed").isEqualTo(1);
        assertThat(store.read("t1").status()).isEqualTo(Status.ERROR);

        BatchRunner.Summary retried = good.run(List.of(student("t1")), store,
                new BatchOptions(1, Duration.ofSeconds(10), false));
        assertThat(retried.graded()).as("retried by default").isEqualTo(1);
        assertThat(store.read("t1").status()).isEqualTo(Status.MARKS_LOST);
    }

    @Test
    void aRegradeThatFailsNeverReplacesAStoredGradedResult() throws Exception {
        TestRubric rubric = new TestRubric();
        Accounts.cluster(dir, "g1", "111111111111", "available", "cache.t2.micro");
        ResultStore store = new ResultStore(dir.resolve("out"));
        new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter(), Progress.silent())
                .run(List.of(student("g1")), store, new BatchOptions(1, Duration.ofSeconds(10), false));
        String before = Files.readString(store.studentDir("g1").resolve(StudentRecord.FILE_NAME));

        BatchRunner.Summary s = new BatchRunner((st, b) -> {
            throw new IllegalStateException("app down today");
        }, rubric, new JsonScoresheetWriter(), Progress.silent())
                .run(List.of(student("g1")), store, new BatchOptions(1, Duration.ofSeconds(10), true));

        assertThat(Files.readString(store.studentDir("g1").resolve(StudentRecord.FILE_NAME))).isEqualTo(before);
        assertThat(s.notes()).singleElement().asString().startsWith("g1: this run error (grading failed:")
                .endsWith("kept the stored marks_lost result, which holds more evidence.");
    }

    @Test
    void aTruncatedResultIsGradedAgainOnTheNextRunInsteadOfCrashingIt() throws Exception {
        TestRubric rubric = new TestRubric();
        Accounts.cluster(dir, "r1", "111111111111", "available", "cache.t2.micro");
        ResultStore store = new ResultStore(dir.resolve("out"));
        BatchRunner runner = new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter(),
                Progress.silent());
        runner.run(List.of(student("r1")), store, new BatchOptions(1, Duration.ofSeconds(10), false));
        Path result = store.studentDir("r1").resolve(StudentRecord.FILE_NAME);
        Files.writeString(result, Files.readString(result).substring(0, 40));

        BatchRunner.Summary again = runner.run(List.of(student("r1")), store,
                new BatchOptions(1, Duration.ofSeconds(10), false));

        assertThat(again.graded()).isEqualTo(1);
        assertThat(store.read("r1").status()).isEqualTo(Status.MARKS_LOST);
    }

    @Test
    void regradeFromATruncatedEvidenceBundleRefusesThatStudentAndKeepsTheOldFolder() throws Exception {
        TestRubric rubric = new TestRubric();
        Accounts.cluster(dir, "e1", "111111111111", "available", "cache.t2.micro");
        ResultStore store = new ResultStore(dir.resolve("out"));
        BatchRunner runner = new BatchRunner(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter(),
                Progress.silent());
        runner.run(List.of(student("e1")), store, new BatchOptions(1, Duration.ofSeconds(10), false));
        Path evidence = store.studentDir("e1").resolve("evidence.json");
        Files.writeString(evidence, Files.readString(evidence).substring(0, 100));
        String result = Files.readString(store.studentDir("e1").resolve(StudentRecord.FILE_NAME));

        BatchRunner.Summary s = runner.regradeFromEvidence(store, id -> true);

        assertThat(s.refused()).singleElement().asString().startsWith("e1: not regraded, its evidence cannot be read")
                .endsWith("kept the stored result. Fix: grade the student again with `labcheck batch --regrade`.");
        assertThat(Files.readString(store.studentDir("e1").resolve(StudentRecord.FILE_NAME))).isEqualTo(result);
    }
}
