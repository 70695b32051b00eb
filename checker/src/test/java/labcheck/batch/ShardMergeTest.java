package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int batch(MixedCohort cohort, Path out, Shard shard) throws Exception {
        TestRubric rubric = new TestRubric();
        return CohortBatch.run(new CohortBatch.Request(cohort.roster, out, shard,
                new BatchOptions(4, Duration.ofSeconds(2), false), false, null, Map.of()),
                new Grading(new FixtureGrader(cohort.accounts, rubric, 0), rubric, new JsonScoresheetWriter()),
                Progress.silent(), new PrintWriter(err, true));
    }

    @Test
    void shardedThenMergedEqualsUnsharded() throws Exception {
        Path whole = dir.resolve("whole");
        List<Path> shards = new ArrayList<>();
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, whole, Shard.ALL);
            for (int k = 1; k <= 3; k++) {
                shards.add(dir.resolve("shard-" + k));
                batch(cohort, shards.get(k - 1), new Shard(k, 3));
            }
        }
        Path merged = dir.resolve("merged");
        int exit = CohortMerge.merge(shards, merged, null, new PrintWriter(err, true));

        assertThat(exit).as("the roster's bad rows still make it an input error").isEqualTo(2);
        for (String file : new String[] {CohortFiles.MARKS, CohortFiles.SUMMARY}) {
            assertThat(Files.readString(merged.resolve(file))).as(file)
                    .isEqualTo(Files.readString(whole.resolve(file)));
        }
        assertThat(Files.readString(merged.resolve(CohortFiles.MARKS))).isEqualTo(MixedCohort.EXPECTED_MARKS);
        assertThat(new ResultStore(merged).completedIds()).isEqualTo(new ResultStore(whole).completedIds());
        for (Path shard : shards) {
            assertThat(new ResultStore(shard).completedIds()).as("%s holds only its own students", shard)
                    .hasSizeLessThan(8);
        }
    }

    @Test
    void mergeOfTheSameStoredResultsSplitAnyWayIsByteIdenticalToTheWhole() throws Exception {
        Path whole = dir.resolve("whole");
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, whole, Shard.ALL);
        }
        ResultStore store = new ResultStore(whole);
        List<Path> parts = List.of(dir.resolve("p1"), dir.resolve("p2"));
        for (Path p : parts) {
            Files.createDirectories(p.resolve(ResultStore.BATCH_DIR));
            Files.copy(whole.resolve(ResultStore.BATCH_DIR).resolve("roster-problems.json"),
                    p.resolve(ResultStore.BATCH_DIR).resolve("roster-problems.json"));
        }
        int i = 0;
        for (String id : store.completedIds()) {
            copyTree(store.studentDir(id), parts.get(i++ % 2).resolve(id));
        }
        Path merged = dir.resolve("merged");
        CohortMerge.merge(List.of(parts.get(1), parts.get(0)), merged, null, new PrintWriter(err, true));
        for (String file : new String[] {CohortFiles.MARKS, CohortFiles.SUMMARY}) {
            assertThat(Files.readString(merged.resolve(file))).as(file)
                    .isEqualTo(Files.readString(whole.resolve(file)));
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }

    @Test
    void mergingTwoDifferentResultsForOneStudentIsReportedAndKeepsTheFirst() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        try (LabServer s = new LabServer().app("good", LabServer.App.good())
                .app("broken", new LabServer.App("disconnected", 1, 0))) {
            runOne(s.url("good"), one);
            runOne(s.url("broken"), two);
        }
        Path merged = dir.resolve("merged");
        int exit = CohortMerge.merge(List.of(one, two), merged, null, new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("x1 has different results in " + two);
        assertThat(Files.readString(merged.resolve(CohortFiles.MARKS))).contains("x1,,marks_lost,0,3,3,6,10");
    }

    @Test
    void mergingIntoOneOfTheInputsKeepsItsStudents() throws Exception {
        Path one = dir.resolve("one");
        try (LabServer s = new LabServer().app("good", LabServer.App.good())) {
            runOne(s.url("good"), one);
        }
        int exit = CohortMerge.merge(List.of(one), one, null, new PrintWriter(err, true));
        assertThat(exit).as("no AWS evidence: marks lost").isEqualTo(3);
        assertThat(new ResultStore(one).completedIds()).containsExactly("x1");
    }

    @Test
    void aTruncatedResultIsReportedByMergeInsteadOfCrashingIt() throws Exception {
        Path one = dir.resolve("one");
        try (LabServer s = new LabServer().app("good", LabServer.App.good())) {
            runOne(s.url("good"), one);
        }
        Path result = one.resolve("x1").resolve(StudentRecord.FILE_NAME);
        Files.writeString(result, Files.readString(result).substring(0, 30));

        int exit = CohortMerge.merge(List.of(one), dir.resolve("merged"), null, new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("x1: its result.json in " + one + " cannot be read (truncated or edited)");
        assertThat(Files.readString(dir.resolve("merged/marks.csv"))).contains("x1,,error");
    }

    @Test
    void aMergeOfFoldersHoldingNoResultsIsAnInputErrorAndWritesNothing() throws Exception {
        // GIVEN an empty folder and one holding files, but no batch results (a typo'd shard path)
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path other = Files.createDirectories(dir.resolve("downloads"));
        Files.writeString(other.resolve("notes.txt"), "not results\n");
        Path merged = dir.resolve("merged");

        int exit = CohortMerge.merge(List.of(empty, other), merged, null, new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("labcheck merge: " + empty + " holds no batch results: no student"
                + " directory with its COMPLETE file and no _batch/roster-problems.json. Fix: give the --out"
                + " directories of `labcheck batch` runs", "labcheck merge: " + other + " holds no batch results",
                "nothing to merge; " + merged + " was left as it was.");
        assertThat(merged).doesNotExist();
    }

    @Test
    void anInputHoldingNoResultsIsReportedAndTheOthersAreStillMerged() throws Exception {
        Path one = dir.resolve("one");
        try (LabServer s = new LabServer().app("good", LabServer.App.good())) {
            runOne(s.url("good"), one);
        }
        Path empty = Files.createDirectories(dir.resolve("shard-2"));
        Path merged = dir.resolve("merged");

        int exit = CohortMerge.merge(List.of(one, empty), merged, null, new PrintWriter(err, true));

        assertThat(exit).as("an input held nothing").isEqualTo(2);
        assertThat(err.toString()).contains(empty + " holds no batch results");
        assertThat(new ResultStore(merged).completedIds()).containsExactly("x1");
        assertThat(merged.resolve(CohortFiles.MARKS)).exists();
    }

    private void runOne(String appUrl, Path out) throws Exception {
        Path roster = Files.writeString(dir.resolve("r-" + out.getFileName() + ".csv"),
                "student_id,app_url\nx1," + appUrl + "\n");
        TestRubric rubric = new TestRubric();
        CohortBatch.run(new CohortBatch.Request(roster, out, Shard.ALL,
                new BatchOptions(1, Duration.ofSeconds(5), false), false, null, Map.of()),
                new Grading(new FixtureGrader(dir.resolve("no-accounts"), rubric, 0), rubric,
                        new JsonScoresheetWriter()), Progress.silent(), new PrintWriter(err, true));
    }
}
