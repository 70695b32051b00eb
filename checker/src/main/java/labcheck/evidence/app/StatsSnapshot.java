package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One {@code GET /stats} answer: the app's Redis-wide counters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsSnapshot(long keyspaceHits, long keyspaceMisses, long totalRequests,
                            double hitRatioPercent) {
}
