package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /health} on the cache app, as the probe saw it.
 *
 * @param problem why the answer could not be read as the contract's JSON, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthProbe(int httpStatus, String contentType, String status, String redisStatus,
                          String dbStatus, String problem) {

    /** The answer's status and fields, for the judge. */
    public String describe() {
        return "HTTP " + httpStatus + ", status=" + status + ", redis_status=" + redisStatus;
    }
}
