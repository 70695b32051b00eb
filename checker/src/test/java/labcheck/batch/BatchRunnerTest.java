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
}
