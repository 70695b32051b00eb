package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One {@code GET /product/{id}} answer, reduced to what the checks read.
 *
 * @param httpStatus     the HTTP status, or 0 when no answer came
 * @param cacheStatus    {@code HIT}, {@code MISS}, or null when absent
 * @param reportedMs     the app's own {@code response_time_ms}, or null when absent or not a number
 * @param clientMs       the round trip measured by the probe's client
 * @param product        the product object as compact JSON (capped), or null
 * @param problem        why the answer breaks the contract (HTML, invalid JSON, wrong types, timeout), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductAnswer(int httpStatus, String cacheStatus, Double reportedMs, double clientMs,
                            String product, String problem) {

    public boolean hit() {
        return "HIT".equalsIgnoreCase(cacheStatus);
    }

    public boolean miss() {
        return "MISS".equalsIgnoreCase(cacheStatus);
    }
}
