package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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

    public double errorPercent() {
        long all = requests + errors;
        return all == 0 ? 100 : errors * 100.0 / all;
    }
}
