package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * The bounded concurrent load test on the cache app.
 *
 * @param concurrency    requests kept in flight
 * @param durationMs     measured time (warm-up excluded)
 * @param requests       requests completed in the measured time
 * @param errors         requests that failed (non-2xx, timeout, connection error)
 * @param throughputRps  completed requests per second
 * @param latency        latency corrected for coordinated omission (HdrHistogram, expected interval
 *                       = concurrency / throughput)
 * @param rawLatency     latency as recorded, uncorrected
 * @param timeBoxed      true when the time box, not the request bound, ended the test
 * @param errorSamples   a few distinct error reasons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadTestResult(int concurrency, long durationMs, long requests, long errors, double throughputRps,
                             LatencySummary latency, LatencySummary rawLatency, boolean timeBoxed,
                             List<String> errorSamples) {

    public LoadTestResult {
        errorSamples = List.copyOf(errorSamples);
    }

    /** The run in figures for the judge: load, errors, throughput and latency, corrected and raw. */
    public String describe() {
        return String.format(Locale.ROOT, "concurrency %d for %d ms: %d requests, %d errors (%.2f%%), %.1f req/s;"
                        + " latency (corrected for coordinated omission) p50 %.3f p95 %.3f p99 %.3f max %.3f ms; raw"
                        + " p50 %.3f p99 %.3f ms%s", concurrency, durationMs, requests, errors, errorPercent(),
                throughputRps, latency.p50(), latency.p95(), latency.p99(), latency.max(), rawLatency.p50(),
                rawLatency.p99(), errorSamples.isEmpty() ? "" : "; errors: " + errorSamples);
    }

    public double errorPercent() {
        long all = requests + errors;
        return all == 0 ? 100 : errors * 100.0 / all;
    }
}
