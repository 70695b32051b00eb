package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Why a piece of evidence could not be had.
 *
 * @param code    a short machine-readable cause: {@code AccessDenied}, {@code NotCollected},
 *                {@code Unreachable}, {@code Throttled}, {@code ServiceError}, {@code Timeout},
 *                {@code InvalidResponse}
 * @param action  the API action or probe involved, e.g. {@code ec2:DescribeRouteTables}; may be null
 * @param message one sentence a person can act on, ending with a period
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unavailable(String code, String action, String message) {

    public Unavailable {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Unavailable accessDenied(String iamAction) {
        return new Unavailable("AccessDenied", iamAction,
                "AccessDenied on " + iamAction + ": grant " + iamAction
                        + " to the identity labcheck runs as (see `labcheck policy`).");
    }

    public static Unavailable notCollected(String what, String howToCollect) {
        return new Unavailable("NotCollected", null, what + " was not collected: " + howToCollect);
    }

    /** The text a scoresheet shows after "unverifiable: ". */
    public String describe() {
        return message;
    }
}
