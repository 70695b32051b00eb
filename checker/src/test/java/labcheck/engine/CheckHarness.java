package labcheck.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.Evidence;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;

/**
 * Runs one shipped check on evidence through the real launcher path (resolver, listener), as a
 * grading would, and returns how it ended.
 *
 * <pre>{@code
 * CheckRun run = CheckHarness.run("elasticache_cluster_available", lab.build());
 * }</pre>
 */
public final class CheckHarness {

    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private CheckHarness() {
    }

    public static CheckRun run(String checkId, Evidence evidence) {
        return run(checkId, evidence, Thresholds.seedDefaults());
    }

    public static CheckRun run(String checkId, Evidence evidence, Thresholds thresholds) {
        Rubric rubric = new Rubric("one-check", "1", "one check", 1, thresholds,
                List.of(new Rubric.RubricItem("only", "only", 1, List.of(new Rubric.RubricCheck(checkId, 1)))),
                List.of(), "test");
        CheckRun run = new Grader(rubric, CheckCatalog.index(), FIXED).run(evidence).get(checkId);
        if (run == null) {
            throw new IllegalStateException("check " + checkId + " did not run; is it in CheckCatalog?");
        }
        return run;
    }
}
