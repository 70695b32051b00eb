package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /health} on the cache app, as the probe saw it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthProbe(int httpStatus, String contentType, String status, String redisStatus,
                          String dbStatus, String problem) {
}
