package labcheck.rubric;

import io.soabase.recordbuilder.core.RecordBuilder;
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
 * @param baselineExcessMaxMs  how many ms the no-cache app's median may exceed what its database work explains
 *                             (the cache app's median plus the query, timed by labcheck) before it is a finding
 *                             and item 6 is graded against the measured database path (default 15)
 * @param lazyLoadingWhenNoMissPath what the lazy-loading checks decide when no miss could be observed
 *                             because every product was cached before the first request: {@code unverifiable}
 *                             (the default: no marks, with how to make a miss observable), {@code credit} (the
 *                             hits served from Redis are evidence enough) or {@code fail}
 * @param resetCachedProductKeys whether labcheck may delete a few of the app's product keys (only keys it
 *                             identified as holding those products) to observe the miss path when every
 *                             product is cached; false by default: labcheck does not delete student keys
 * @param changedAfterDeadlineDeduction marks taken off the total of a student whose lab was created or
 *                             changed after the deadline ({@code --deadline}); 0, the default, only flags it
 */
@RecordBuilder
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
        double baselineExcessMaxMs,
        String lazyLoadingWhenNoMissPath,
        boolean resetCachedProductKeys,
        double changedAfterDeadlineDeduction) {

    /** No marks: the miss path could not be observed, and the sheet says how to make it observable. */
    public static final String NO_MISS_PATH_UNVERIFIABLE = "unverifiable";
    /** Full marks: hits served from Redis, with the product's key and TTL, are evidence enough. */
    public static final String NO_MISS_PATH_CREDIT = "credit";
    /** A failure: the lab asks for a miss path that can be observed. */
    public static final String NO_MISS_PATH_FAIL = "fail";
    /** The values {@code lazyLoadingWhenNoMissPath} takes. */
    public static final List<String> NO_MISS_PATH_POLICIES = List.of(NO_MISS_PATH_UNVERIFIABLE, NO_MISS_PATH_CREDIT,
            NO_MISS_PATH_FAIL);

    /** The seed's {@link #baselineExcessMaxMs()}: well above the noise of two medians, well below a 50 ms sleep. */
    public static final double SEED_BASELINE_EXCESS_MAX_MS = 15;

    public Thresholds {
        allowedNodeTypes = List.copyOf(allowedNodeTypes);
        allowedEngines = List.copyOf(allowedEngines);
        lazyLoadingWhenNoMissPath = lazyLoadingWhenNoMissPath == null ? NO_MISS_PATH_UNVERIFIABLE
                : lazyLoadingWhenNoMissPath;
    }

    /** Thresholds with the seed's values for everything after {@code warmTopProducts} (rubrics written before those). */
    public Thresholds(String clusterId, List<String> allowedNodeTypes, List<String> allowedEngines,
                      int engineMajorVersion, int nodeCount, int redisPort, int ttlMaxSeconds,
                      double improvementPercent, double hitRatioPercent, int requestsPerApp, int minProducts,
                      double lazyLoadingShareWhenHitsQueryDb, int warmTopProducts) {
        this(clusterId, allowedNodeTypes, allowedEngines, engineMajorVersion, nodeCount, redisPort, ttlMaxSeconds,
                improvementPercent, hitRatioPercent, requestsPerApp, minProducts, lazyLoadingShareWhenHitsQueryDb,
                warmTopProducts, SEED_BASELINE_EXCESS_MAX_MS, NO_MISS_PATH_UNVERIFIABLE, false, 0);
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
                lazyLoadingShareWhenHitsQueryDb, warmTopProducts, baselineExcessMaxMs,
                lazyLoadingWhenNoMissPath, resetCachedProductKeys, changedAfterDeadlineDeduction);
    }

    /** These thresholds, to change a few by name: {@code seedDefaults().toBuilder().ttlMaxSeconds(600).build()}. */
    public ThresholdsBuilder toBuilder() {
        return ThresholdsBuilder.builder(this);
    }

    /** The seed lab's own values. */
    public static Thresholds seedDefaults() {
        return new Thresholds("product-cache-cluster", List.of("cache.t2.micro"), List.of("redis"),
                7, 1, 6379, 3600, 50.0, 80.0, 100, 1000, 0.0, 100, SEED_BASELINE_EXCESS_MAX_MS,
                NO_MISS_PATH_UNVERIFIABLE, false, 0.0);
    }
}
