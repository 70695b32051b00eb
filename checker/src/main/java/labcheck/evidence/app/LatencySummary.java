package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Latency figures in milliseconds, from an HdrHistogram (or from the app's own reports). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatencySummary(long count, double mean, double stdDev, double p50, double p95, double p99,
                             double max) {
}
