package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per results directory: a batch in its own JVM holds {@code --out}; a second batch, a merge
 * into it and a merge of it are refused naming the holder; once the holder is killed, its lock is taken
 * over and the run says so.
 */
class OutLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedNamingTheFirstAndALockLeftByAKilledRunIsTakenOver() throws Exception {
        try (LabServer server = new LabServer().app("app", LabServer.App.good())) {
            Path accounts = Files.createDirectories(dir.resolve("accounts"));
            List<String> lines = new ArrayList<>(List.of("student_id,name,region,profile,app_url"));
            for (int i = 1; i <= 8; i++) {
                String id = "w" + i;
                Accounts.cluster(accounts, id, String.valueOf(200000000000L + i), "available", "cache.t2.micro");
                lines.add(id + ",Student " + i + ",us-east-1,judge," + server.url("app"));
            }
            Path roster = Files.writeString(dir.resolve("roster.csv"), String.join("\n", lines) + "\n");
            Path out = dir.resolve("results");

            // GIVEN a batch grading slowly in its own JVM (one student at a time, 1.5 s more each)
            Process child = new ProcessBuilder(KillAndResumeTest.javaBin(), "-cp", System.getProperty("java.class.path"),
                    BatchChild.class.getName(), roster.toString(), out.toString(), accounts.toString(), "1500", "1")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                Path lock = out.resolve(ResultStore.BATCH_DIR).resolve(OutLock.FILE);
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(Files.isRegularFile(lock) && Files.readString(lock).contains("command=batch"))
                        && child.isAlive() && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                String holder = "PID " + child.pid() + " on host ";

                // WHEN a second batch, a merge into its --out and a merge of its --out start meanwhile
                StringWriter second = new StringWriter();
                int batchExit = KillAndResumeTest.run(roster, out, accounts, second);
                StringWriter mergeInto = new StringWriter();
                Path other = Files.createDirectories(dir.resolve("other/x9"));
                Files.writeString(other.resolve(ResultStore.MARKER), "full_marks\n");
                int intoExit = CohortMerge.merge(List.of(dir.resolve("other")), out, null,
                        new PrintWriter(mergeInto, true));
                StringWriter mergeOf = new StringWriter();
                int ofExit = CohortMerge.merge(List.of(out), dir.resolve("merged"), null,
                        new PrintWriter(mergeOf, true));

                // THEN each is a usage error naming the process writing there, and nothing was written by them
                assertThat(child.isAlive()).as("the first batch was still running (see child.log)").isTrue();
                assertThat(batchExit).isEqualTo(2);
                assertThat(second.toString()).contains("labcheck batch: " + out + " is being written by another"
                        + " labcheck batch: " + holder, "Fix: wait for it to finish, or give this run another --out")
                        .doesNotContain("graded,");
                assertThat(intoExit).isEqualTo(2);
                assertThat(mergeInto.toString()).contains("is being written by another labcheck batch: " + holder);
                assertThat(out.resolve("x9")).doesNotExist();
                assertThat(ofExit).isEqualTo(2);
                assertThat(mergeOf.toString()).contains(out + " is still being written by labcheck batch: " + holder,
                        "Fix: wait for that run to finish, then merge");
                assertThat(dir.resolve("merged")).doesNotExist();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            // WHEN the batch is run again after the first was killed with SIGKILL
            StringWriter resumed = new StringWriter();
            int exit = KillAndResumeTest.run(roster, out, accounts, resumed);

            // THEN its lock is taken over, said so, and every student is graded
            assertThat(exit).as(resumed.toString()).isIn(0, 3);
            assertThat(resumed.toString()).contains("labcheck batch: note: took over " + out.resolve("_batch")
                    .resolve("writer.lock") + " from labcheck batch: PID " + child.pid(), "which is no longer running");
            assertThat(new ResultStore(out).completedIds()).hasSize(8);
            assertThat(Files.readString(out.resolve(ResultStore.BATCH_DIR).resolve(OutLock.FILE)))
                    .as("released at the end").isEmpty();
        }
    }
}
