package labcheck.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import labcheck.engine.Finding;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.HealthProbe;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;

/**
 * A small three-item rubric (10 marks) scored from the evidence, standing in for the engine
 * this branch does not have: the batch only needs some real Evidence-to-Scoresheet function.
 */
public final class TestRubric implements Function<Evidence, Scoresheet> {

    static final String DEFAULT_CLUSTER = "product-cache-cluster";
    private final List<String> allowedNodeTypes;

    TestRubric(List<String> allowedNodeTypes) {
        this.allowedNodeTypes = allowedNodeTypes;
    }

    public TestRubric() {
        this(List.of("cache.t2.micro"));
    }

    @Override
    public Scoresheet apply(Evidence e) {
        List<ItemResult> items = List.of(
                item("1", "redis_cluster", "Redis cluster created correctly", clusterChecks(e)),
                item("2", "app_connects_redis", "Application connects to Redis", List.of(health(e))),
                item("3", "performance", "Performance improvement", List.of(timing(e))));
        double total = items.stream().mapToDouble(ItemResult::marks).sum();
        String account = e.identity().available() ? e.identity().value().account() : null;
        var s = e.subject();
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, "test", "test-rubric", "1", "Test lab",
                new Scoresheet.Student(s.studentId(), s.name(), account, s.region(), s.clusterId(), s.appUrl(),
                        s.source()),
                Instant.now().toString(), total, 10, items, List.of(), List.of());
    }

    private List<CheckResult> clusterChecks(Evidence e) {
        Fact<List<CacheCluster>> clusters = e.cacheClusters();
        if (!clusters.available()) {
            String why = clusters.unavailable().describe();
            return List.of(check("1.1", "elasticache_cluster_available", 2, Outcome.UNVERIFIABLE, why),
                    check("1.2", "elasticache_node_type_allowed", 2, Outcome.UNVERIFIABLE, why));
        }
        String id = e.subject().clusterId() == null ? DEFAULT_CLUSTER : e.subject().clusterId();
        Optional<CacheCluster> c = clusters.value().stream().filter(x -> id.equals(x.cacheClusterId())).findFirst();
        if (c.isEmpty()) {
            String why = "No ElastiCache cluster " + id + " was found.";
            return List.of(check("1.1", "elasticache_cluster_available", 2, Outcome.FAILED, why),
                    check("1.2", "elasticache_node_type_allowed", 2, Outcome.FAILED, why));
        }
        boolean available = "available".equals(c.get().cacheClusterStatus());
        boolean type = allowedNodeTypes.contains(c.get().cacheNodeType());
        return List.of(
                check("1.1", "elasticache_cluster_available", 2, available ? Outcome.PASSED : Outcome.FAILED,
                        "Cluster " + id + " is " + c.get().cacheClusterStatus() + "."),
                check("1.2", "elasticache_node_type_allowed", 2, type ? Outcome.PASSED : Outcome.FAILED,
                        "Cluster " + id + " uses " + c.get().cacheNodeType() + "; allowed: " + allowedNodeTypes + "."));
    }

    private static CheckResult health(Evidence e) {
        Fact<AppEvidence> app = e.app();
        if (!app.available()) {
            return check("2.1", "app_health_redis_connected", 3, Outcome.UNVERIFIABLE, app.unavailable().describe());
        }
        Fact<HealthProbe> h = app.value().health();
        if (!h.available()) {
            return check("2.1", "app_health_redis_connected", 3, Outcome.UNVERIFIABLE, h.unavailable().describe());
        }
        boolean ok = "connected".equals(h.value().redisStatus());
        return check("2.1", "app_health_redis_connected", 3, ok ? Outcome.PASSED : Outcome.FAILED,
                "/health says redis_status " + h.value().redisStatus() + "; expected connected.");
    }

    private static final String TIMING_CHECK = "app_improvement_over_baseline";

    private static CheckResult timing(Evidence e) {
        if (!e.app().available() || !e.app().value().health().available()) {
            return check("3.1", TIMING_CHECK, 3, Outcome.UNVERIFIABLE,
                    "The app could not be measured.");
        }
        Optional<String> contradiction = e.notes().stream().filter(n -> n.startsWith("timings disagree")).findFirst();
        return contradiction.map(n -> new CheckResult("3.1", TIMING_CHECK, "timing", 0, 3, Outcome.FAILED,
                        "The app's response_time_ms and the measured time disagree: " + n + ".", "Fix it.", null,
                        List.of(Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.id())))
                .orElseGet(() -> check("3.1", TIMING_CHECK, 3, Outcome.PASSED, "Timings agree."));
    }

    private static CheckResult check(String number, String id, double max, Outcome outcome, String message) {
        return new CheckResult(number, id, id.replace('_', ' '), outcome == Outcome.PASSED ? max : 0, max, outcome,
                message, outcome == Outcome.PASSED ? null : "Fix it.", null);
    }

    private static ItemResult item(String number, String id, String title, List<CheckResult> checks) {
        double marks = checks.stream().mapToDouble(CheckResult::marks).sum();
        double max = checks.stream().mapToDouble(CheckResult::max).sum();
        Outcome status = marks >= max ? Outcome.PASSED : marks > 0 ? Outcome.PARTIAL : worst(checks);
        return new ItemResult(number, id, title, marks, max, status, new ArrayList<>(checks));
    }

    private static Outcome worst(List<CheckResult> checks) {
        for (Outcome o : new Outcome[] {Outcome.ERROR, Outcome.FAILED, Outcome.UNVERIFIABLE}) {
            if (checks.stream().anyMatch(c -> c.outcome() == o)) {
                return o;
            }
        }
        return Outcome.FAILED;
    }
}
