package labcheck.rubric;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcheck.text.Numbers;

/**
 * Every number and name a check compares against, read from the rubric file so an
 * instructor can change one without recompiling.
 *
 * @param clusterId            the ElastiCache cluster id the lab asks for
 * @param allowedNodeTypes     node types that earn the marks (default {@code cache.t2.micro})
 * @param allowedEngines       engines accepted ({@code redis}; {@code valkey} when the rubric allows it)
 * @param engineMajorVersion   the major engine version expected (7)
 * @param nodeCount            nodes expected in the cluster (1)
 * @param redisPort            the port the security group must open (6379)
 * @param ttlMaxSeconds        a cached key's TTL must lie in (0, this]
 * @param improvementPercent   minimum improvement of the cache app over the no-cache app
 * @param hitRatioPercent      minimum cache hit ratio in the probe's window
 * @param requestsPerApp       requests per app in the timing comparison (the seed's 100)
 * @param minProducts          products the database must hold (the seed's 1005; at least 1000)
 * @param lazyLoadingShareWhenHitsQueryDb the most of the lazy-loading item an app keeps when its cache
 *                             hits still query the database (0 to 1; the seed's definition gives 0)
 * @param warmTopProducts      how many of the most viewed products a warmed cache holds (the seed's 100)
 * @param changedAfterDeadlineDeduction marks taken off the total of a student whose lab was created or
 *                             changed after the deadline ({@code --deadline}); 0, the default, only flags it
 */
public record Thresholds(
        String clusterId,
        List<String> allowedNodeTypes,
        List<String> allowedEngines,
        int engineMajorVersion,
        int nodeCount,
        int redisPort,
        int ttlMaxSeconds,
        double improvementPercent,
        double hitRatioPercent,
        int requestsPerApp,
        int minProducts,
        double lazyLoadingShareWhenHitsQueryDb,
        int warmTopProducts,
        double changedAfterDeadlineDeduction) {

    public Thresholds {
        allowedNodeTypes = List.copyOf(allowedNodeTypes);
        allowedEngines = List.copyOf(allowedEngines);
    }

    /** Thresholds that deduct nothing for a change after the deadline (it is flagged only). */
    public Thresholds(String clusterId, List<String> allowedNodeTypes, List<String> allowedEngines,
                      int engineMajorVersion, int nodeCount, int redisPort, int ttlMaxSeconds,
                      double improvementPercent, double hitRatioPercent, int requestsPerApp, int minProducts,
                      double lazyLoadingShareWhenHitsQueryDb, int warmTopProducts) {
        this(clusterId, allowedNodeTypes, allowedEngines, engineMajorVersion, nodeCount, redisPort, ttlMaxSeconds,
                improvementPercent, hitRatioPercent, requestsPerApp, minProducts, lazyLoadingShareWhenHitsQueryDb,
                warmTopProducts, 0);
    }

    /** The thresholds' names, as the rubric file's {@code thresholds:} section spells them, in record order. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : Thresholds.class.getRecordComponents()) {
            names.add(component.getName());
        }
        return Collections.unmodifiableSet(names);
    }

    /** Every threshold by its rubric name, as this record holds it (a list stays a list). */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : Thresholds.class.getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read threshold " + component.getName(), e);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Every threshold by its rubric name, written as a sentence shows it: a whole number without
     * ".0", a list as "a or b". What a check's title and remediation name as {@code ${clusterId}}.
     *
     * <pre>{@code
     * Thresholds.seedDefaults().asText().get("hitRatioPercent");    // "80"
     * Thresholds.seedDefaults().asText().get("allowedNodeTypes");   // "cache.t2.micro"
     * }</pre>
     */
    public Map<String, String> asText() {
        Map<String, String> texts = new LinkedHashMap<>();
        values().forEach((name, value) -> texts.put(name, text(value)));
        return Collections.unmodifiableMap(texts);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(" or ", list.stream().map(Thresholds::text).toList());
        }
        return value instanceof Double d ? Numbers.plain(d) : String.valueOf(value);
    }

    /** These thresholds for a student whose cluster has another id (a roster's {@code cluster_id}). */
    public Thresholds withClusterId(String id) {
        if (id == null || id.isBlank() || id.equals(clusterId)) {
            return this;
        }
        return new Thresholds(id, allowedNodeTypes, allowedEngines, engineMajorVersion, nodeCount, redisPort,
                ttlMaxSeconds, improvementPercent, hitRatioPercent, requestsPerApp, minProducts,
                lazyLoadingShareWhenHitsQueryDb, warmTopProducts, changedAfterDeadlineDeduction);
    }

    /** The seed lab's own values. */
    public static Thresholds seedDefaults() {
        return new Thresholds("product-cache-cluster", List.of("cache.t2.micro"), List.of("redis"),
                7, 1, 6379, 3600, 50.0, 80.0, 100, 1000, 0.0, 100, 0.0);
    }
}
