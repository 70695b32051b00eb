package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import labcheck.evidence.Evidence;
import labcheck.evidence.Subject;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    @TempDir
    Path dir;

    private static Evidence evidence(String id) {
        return Evidence.empty(new Subject(id, null, "us-east-1", null, "http://a.example", null, "none"),
                "2026-01-01T00:00:00Z");
    }

    private static StudentRecord record(String id, Scoresheet sheet) {
        return new StudentRecord(id, "N", 2, null, StudentRecord.statusOf(sheet), null, null, 0.1, sheet);
    }

    @Test
    void aCommitReplacesTheOldResultWholeAndLeavesNoStagingBehind() throws Exception {
        ResultStore store = new ResultStore(dir);
        TestRubric rubric = new TestRubric();
        store.commit(record("s1", rubric.apply(evidence("s1"))), evidence("s1"), new JsonScoresheetWriter());
        Files.writeString(store.studentDir("s1").resolve("stale.txt"), "from the first grading");
        store.commit(record("s1", rubric.apply(evidence("s1"))), evidence("s1"), new JsonScoresheetWriter());

        assertThat(store.completedIds()).containsExactly("s1");
        try (var files = Files.list(store.studentDir("s1"))) {
            // the stale file is gone; the earlier manifest is kept beside the new one (SealTest)
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("MANIFEST.sha256.")))
                    .containsExactlyInAnyOrder("evidence.json", "scoresheet.json", "result.json", "COMPLETE",
                            "MANIFEST.sha256");
        }
        try (var staged = Files.list(dir.resolve("_batch/staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void aResultMovedAsideByAKilledRegradeIsPutBackAndHalfStagedOnesAreDropped() throws Exception {
        ResultStore store = new ResultStore(dir);
        store.commit(record("s1", new TestRubric().apply(evidence("s1"))), evidence("s1"), new JsonScoresheetWriter());
        String before = Files.readString(store.studentDir("s1").resolve("result.json"));
        Path staging = Files.createDirectories(dir.resolve("_batch/staging"));
        Files.move(store.studentDir("s1"), staging.resolve("s1.old.1234"));
        Files.createDirectories(staging.resolve("s1.5678"));
        Files.writeString(staging.resolve("s1.5678/evidence.json"), "{\"half");

        store.cleanStaging();

        assertThat(store.completedIds()).containsExactly("s1");
        assertThat(Files.readString(store.studentDir("s1").resolve("result.json"))).isEqualTo(before);
        assertThat(Files.exists(staging)).isFalse();
    }

    @Test
    void aDirectoryWithoutTheMarkerIsNotAResult() throws Exception {
        Files.createDirectories(dir.resolve("s2"));
        Files.writeString(dir.resolve("s2/result.json"), "{}");
        Files.createDirectories(dir.resolve("_batch"));
        assertThat(new ResultStore(dir).completedIds()).isEmpty();
    }

    @Test
    void theSummaryRendersEvenWhenARendererLeftTitlesOut() throws Exception {
        ResultStore store = new ResultStore(dir);
        Scoresheet sheet = new TestRubric().apply(evidence("s1"));
        Scoresheet untitled = new Scoresheet(sheet.schemaVersion(), null, null, null, null, sheet.student(),
                sheet.gradedAt(), sheet.total(), sheet.max(), sheet.items(), null, List.of());
        store.commit(record("s1", untitled), evidence("s1"), null);
        new CohortFiles(null).write(Cohort.load(store, id -> true, List.of()), dir);
        assertThat(Files.readString(dir.resolve("summary.html"))).contains("<tr id=\"student-s1\">");
    }
}
