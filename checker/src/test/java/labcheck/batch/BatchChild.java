package labcheck.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A batch run in its own JVM, so a test can {@code kill -9} it mid-run.
 * Arguments: roster, results dir, accounts dir, extra delay per student (ms), jobs.
 */
public final class BatchChild {

    private BatchChild() {
    }

    public static void main(String[] args) throws Exception {
        TestRubric rubric = new TestRubric();
        Grading grading = new Grading(new FixtureGrader(Path.of(args[2]), rubric, Long.parseLong(args[3])), rubric,
                new JsonScoresheetWriter());
        PrintWriter out = new PrintWriter(System.out, true);
        int exit = CohortBatch.run(new CohortBatch.Request(Path.of(args[0]), Path.of(args[1]), Shard.ALL,
                        new BatchOptions(Integer.parseInt(args[4]), Duration.ofSeconds(30), false), false, null,
                        Map.of()), grading, new Progress(out, false), out);
        System.exit(exit);
    }
}
