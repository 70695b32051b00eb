package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Why a piece of evidence could not be had.
 *
 * @param code    a short machine-readable cause: {@code AccessDenied}, {@code NotCollected},
 *                {@code Unreachable}, {@code Throttled}, {@code ServiceError}, {@code Timeout},
 *                {@code InvalidResponse}
 * @param action  the API action or probe involved, e.g. {@code ec2:DescribeRouteTables}, or the flag
 *                that was not given ({@code --region}); may be null
 * @param message one sentence a person can act on, ending with a period
 * @param fix     what makes what depends on this verifiable, when the reader knew better than the code
 *                alone says (a refused login names its user and password variable); null for
 *                {@link #howToVerify()}'s text for the code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unavailable(String code, String action, String message, String fix) {

    public Unavailable {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A reason whose fix is the one its code calls for. */
    public Unavailable(String code, String action, String message) {
        this(code, action, message, null);
    }

    public static Unavailable accessDenied(String iamAction) {
        return new Unavailable("AccessDenied", iamAction,
                "AccessDenied on " + iamAction + ": grant " + iamAction
                        + " to the identity labcheck runs as (see `labcheck policy`).");
    }

    public static Unavailable notCollected(String what, String howToCollect) {
        return new Unavailable("NotCollected", null, what + " was not collected: " + howToCollect);
    }

    /**
     * Not collected because {@code flag} was not given: every fact it leaves out shares one cause, so the
     * scoresheet asks for the flag once.
     *
     * <pre>{@code
     * Unavailable.notGiven("--region", "EC2 subnets", "run with --region and credentials ...");
     * }</pre>
     */
    public static Unavailable notGiven(String flag, String what, String howToCollect) {
        return new Unavailable("NotCollected", Objects.requireNonNull(flag, "flag"),
                what + " was not collected: " + howToCollect);
    }

    /**
     * What this reason is about, with {@link #code()} the identity of its cause: the action, server or flag
     * when there is one, else what was not collected, else the message itself.
     */
    public String subject() {
        if (action != null) {
            return action;
        }
        int at = message.indexOf(" was not collected: ");
        return "NotCollected".equals(code) && at > 0 ? message.substring(0, at) : message;
    }

    /** Whether the action is a sign-in to a server (a database, Redis), not an AWS API call. */
    private boolean login() {
        return action != null && (action.startsWith("mysql") || action.startsWith("redis"));
    }

    /**
     * How to make what depends on this verifiable (a flag, an IAM action, where to run), as one
     * sentence; null when the cause is the lab itself (e.g. the cache does not exist), whose fix
     * the check's own remediation gives.
     */
    public String howToVerify() {
        if (fix != null) {
            return fix;
        }
        return switch (code) {
            case "NotCollected" -> {
                int at = message.indexOf(" was not collected: ");
                yield at < 0 ? message : capital(message.substring(at + " was not collected: ".length()));
            }
            // a server refusing a login is a user and password to correct, never an IAM grant
            case "AccessDenied" -> login() ? "Give labcheck the user and password the app signs in with ("
                    + (action.startsWith("redis") ? "--redis-user, --redis-password-env"
                    : "--db-user, --db-password-env")
                    + "), then run labcheck again."
                    : "Grant " + (action == null ? "the denied action" : action) + " to the identity "
                    + "labcheck runs as (`labcheck policy` prints the read-only policy), then run labcheck again.";
            case "AwsSetup" -> "Give labcheck AWS access: --region REGION with --profile NAME (or --role-arn, or "
                    + "credentials in the environment), then run it again.";
            case "Unreachable" -> action != null && action.startsWith("redis:")
                    ? "Run labcheck on the EC2 instance, or through an SSH tunnel (--redis 127.0.0.1:6380), so it "
                    + "can reach Redis; then run it again."
                    : action != null && action.startsWith("mysql:")
                    ? "Run labcheck on the EC2 instance, or through an SSH tunnel, so it can reach the database "
                    + "given with --db-url; then run it again."
                    : "Run labcheck where it can reach the service named above, then run it again.";
            case "Throttled", "ServiceError", "Timeout" -> "Run labcheck again in a minute; the answer was cut off "
                    + "by the service, not by the lab.";
            case "NotReported" -> "Run labcheck again once the resource is fully created and AWS reports it.";
            default -> null;
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The text a scoresheet shows after "unverifiable: ". */
    public String describe() {
        return message;
    }
}
