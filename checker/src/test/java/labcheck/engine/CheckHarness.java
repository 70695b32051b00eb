package labcheck.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.app.AppEvidence;
import labcheck.report.Outcome;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;

/**
 * The one way tests run checks: through the real {@link Grader}, launcher, evidence resolver and
 * {@link ScoringListener}, exactly as a grading does, so an outcome seen here is the outcome the
 * scoresheet shows.
 *
 * <pre>{@code
 * CheckRun run = CheckHarness.run("elasticache_cluster_available", lab.build());
 * Map<String, CheckRun> all = CheckHarness.gradeAll(CheckHarness.evidence(Fact.of(app)));
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
        CheckRun run = runAll(List.of(checkId), evidence, thresholds).get(checkId);
        if (run == null) {
            throw new IllegalStateException("check " + checkId + " did not run; is its class under labcheck.checks?");
        }
        return run;
    }

    /** Every shipped check on {@code evidence}, in one grading, by id. */
    public static Map<String, CheckRun> gradeAll(Evidence evidence) {
        return new TreeMap<>(runAll(List.copyOf(CheckCatalog.ids()), evidence, Thresholds.seedDefaults()));
    }

    /** The shipped checks of one area ({@code "app"} = the classes in {@code labcheck.checks.app}), by id. */
    public static Map<String, CheckRun> gradeArea(String area, Evidence evidence) {
        String pkg = "labcheck.checks." + area;
        List<String> ids = CheckCatalog.ids().stream()
                .filter(id -> CheckCatalog.index().get(id).orElseThrow().method().getDeclaringClass()
                        .getPackageName().equals(pkg))
                .toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no shipped checks in " + pkg);
        }
        return new TreeMap<>(runAll(ids, evidence, Thresholds.seedDefaults()));
    }

    /** Evidence holding only this app evidence, for a student of the lab's default cluster. */
    public static Evidence evidence(Fact<AppEvidence> app) {
        return Evidence.empty(new Subject("s1", "Student", "us-east-1", "product-cache-cluster", null, null, null),
                "2026-11-26T00:00:00Z").withApp(app);
    }

    /** The checks that did not pass, with their outcomes, for compact assertions. */
    public static Map<String, Outcome> notPassed(Map<String, CheckRun> runs) {
        return runs.entrySet().stream().filter(e -> e.getValue().outcome() != Outcome.PASSED)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome(), (a, b) -> a, TreeMap::new));
    }

    /** One line per check (outcome, message, details), for assertion descriptions. */
    public static String describe(Map<String, CheckRun> runs) {
        return runs.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().outcome()
                + (e.getValue().message() == null ? "" : " - " + e.getValue().message())
                + (e.getValue().details() == null ? "" : "\n    details: " + e.getValue().details()))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, CheckRun> runAll(List<String> ids, Evidence evidence, Thresholds thresholds) {
        List<Rubric.RubricCheck> checks = ids.stream().map(id -> new Rubric.RubricCheck(id, 1)).toList();
        Rubric rubric = new Rubric("harness", "1", "checks under test", ids.size(), thresholds,
                List.of(new Rubric.RubricItem("all", "all", ids.size(), checks)), List.of(), "test");
        return new Grader(rubric, CheckCatalog.index(), FIXED).run(evidence);
    }
}
