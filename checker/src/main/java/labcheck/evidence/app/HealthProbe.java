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
}
