package labcheck.rubric;

import java.util.List;

/** The rubric file as written, before validation: every field may be missing (null). */
record RubricDocument(String id, String version, String title, String description, Double total,
                      ThresholdsDocument thresholds, List<ItemDocument> items, List<ItemDocument> bonus) {

    record ItemDocument(String id, String title, Double marks, List<CheckDocument> checks) {
    }

    record CheckDocument(String id, Double marks) {
    }

    record ThresholdsDocument(String clusterId, List<String> allowedNodeTypes, List<String> allowedEngines,
                              Integer engineMajorVersion, Integer nodeCount, Integer redisPort, Integer ttlMaxSeconds,
                              Double improvementPercent, Double hitRatioPercent, Integer requestsPerApp,
                              Integer minProducts, Double lazyLoadingShareWhenHitsQueryDb,
                              Integer warmTopProducts, Double baselineExcessMaxMs, String lazyLoadingWhenNoMissPath,
                              Boolean resetCachedProductKeys,
                              Double changedAfterDeadlineDeduction) {
    }
}
