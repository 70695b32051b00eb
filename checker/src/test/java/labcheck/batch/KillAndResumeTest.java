package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillAndResumeTest {

    private static final int STUDENTS = 12;

    @TempDir
    Path dir;

    @Test
    void killDashNineLosesNoFinishedStudentAndTheResumedRunEqualsAnUninterruptedOne() throws Exception {
        try (LabServer s1 = new LabServer().app("app", LabServer.App.good());
             LabServer s2 = new LabServer().app("app", LabServer.App.good());
             LabServer s3 = new LabServer().app("app", LabServer.App.good())) {
            Path accounts = Files.createDirectories(dir.resolve("accounts"));
            List<String> lines = new ArrayList<>(List.of("student_id,name,region,profile,app_url"));
            LabServer[] servers = {s1, s2, s3};
            for (int i = 1; i <= STUDENTS; i++) {
                String id = String.format("k%02d", i);
                Accounts.cluster(accounts, id, String.valueOf(100000000000L + i), "available",
                        i % 4 == 0 ? "cache.m5.large" : "cache.t2.micro");
                lines.add(id + ",Student " + i + ",us-east-1,judge," + servers[i % 3].url("app"));
            }
            Path roster = dir.resolve("roster.csv");
            Files.writeString(roster, String.join("\n", lines) + "\n");
            Path out = dir.resolve("interrupted");

            // GIVEN a batch in its own JVM, killed with SIGKILL once a few students are finished
            Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    BatchChild.class.getName(), roster.toString(), out.toString(), accounts.toString(), "700", "3")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (new ResultStore(out).completedIds().size() < 3 && child.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(10);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> finished = new ResultStore(out).completedIds();
            assertThat(finished).as("killed mid-run (see child.log)").hasSizeBetween(3, STUDENTS - 1);

            // THEN every student directory present is complete and every file in it whole
            assertNothingHalfWritten(out);
            Map<String, FileTime> markers = CohortBatchTest.markers(out);
            Map<String, String> results = CohortBatchTest.results(out);

            // WHEN the batch is run again
            StringWriter err = new StringWriter();
            assertThat(run(roster, out, accounts, err)).isEqualTo(3);

            // THEN finished students were neither lost nor regraded, and the rest were graded
            assertThat(err.toString()).contains((STUDENTS - finished.size()) + " graded, " + finished.size()
                    + " skipped");
            Map<String, FileTime> markersAfter = CohortBatchTest.markers(out);
            Map<String, String> resultsAfter = CohortBatchTest.results(out);
            for (String id : finished) {
                assertThat(markersAfter.get(id)).as(id).isEqualTo(markers.get(id));
                assertThat(resultsAfter.get(id)).as(id).isEqualTo(results.get(id));
            }
            assertThat(resultsAfter).hasSize(STUDENTS);
            try (Stream<Path> staged = Files.list(out.resolve(ResultStore.BATCH_DIR))) {
                assertThat(staged.map(p -> p.getFileName().toString())).as("staging left by the kill is gone")
                        .allMatch(n -> !n.startsWith("staging") || isEmptyDir(out.resolve("_batch").resolve(n)));
            }

            // AND the outputs equal an uninterrupted run's
            Path clean = dir.resolve("uninterrupted");
            assertThat(run(roster, clean, accounts, new StringWriter())).isEqualTo(3);
            for (String file : new String[] {CohortFiles.MARKS, CohortFiles.SUMMARY}) {
                assertThat(Files.readString(out.resolve(file))).as(file).isEqualTo(Files.readString(clean.resolve(file)));
            }
            assertThat(Files.readString(out.resolve(CohortFiles.MARKS))).contains("k04,Student 4,marks_lost,2,3,3,8,10");
        }
    }

    static int run(Path roster, Path out, Path accounts, StringWriter err) throws Exception {
        TestRubric rubric = new TestRubric();
        return CohortBatch.run(new CohortBatch.Request(roster, out, Shard.ALL,
                new BatchOptions(3, Duration.ofSeconds(30), false), false, null, Map.of()),
                new Grading(new FixtureGrader(accounts, rubric, 0), rubric, new JsonScoresheetWriter()),
                Progress.silent(), new PrintWriter(err, true));
    }

    private static void assertNothingHalfWritten(Path out) throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (d.getFileName().toString().equals(ResultStore.BATCH_DIR)) {
                    continue;
                }
                assertThat(d.resolve(ResultStore.MARKER)).as("%s is complete", d).isRegularFile();
                EvidenceBundle.read(d);
                EvidenceBundle.mapper().readTree(Files.readString(d.resolve("scoresheet.json")));
                new ResultStore(out).read(d.getFileName().toString());
                try (Stream<Path> files = Files.list(d)) {
                    assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
                }
            }
        }
    }

    private static boolean isEmptyDir(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
