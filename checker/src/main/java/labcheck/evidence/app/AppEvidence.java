package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import labcheck.evidence.Fact;

/**
 * What the app probe measured. Each part is a {@link Fact}: a probe that could not run
 * (Redis unreachable from this host, no DB credentials) leaves its part unavailable with why.
 *
 * @param appUrl      the cache app's base URL (sanitised)
 * @param baselineUrl the no-cache app's base URL (sanitised), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppEvidence(
        String appUrl,
        String baselineUrl,
        Fact<HealthProbe> health) {
}
