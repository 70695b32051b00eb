package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whose lab this evidence describes and where it came from.
 *
 * @param source where the AWS evidence came from: {@code aws}, {@code sample account}, an emulator
 *               name, or {@code none}; shown on every scoresheet
 * @param appUrl the cache app's base URL with any user-info and query removed ({@link SafeUrl})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subject(
        String studentId,
        String name,
        String region,
        String clusterId,
        String appUrl,
        String baselineUrl,
        String source) {

    public Subject {
        appUrl = SafeUrl.strip(appUrl);
        baselineUrl = SafeUrl.strip(baselineUrl);
    }
}
