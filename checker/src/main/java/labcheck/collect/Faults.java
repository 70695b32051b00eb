package labcheck.collect;

import java.util.Set;
import labcheck.evidence.Unavailable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what an AWS call threw into a reason a person can act on: one {@link Unavailable}
 * per failed call, never a stack trace.
 */
final class Faults {

    /** Error codes meaning "this identity may not call this action" (EC2 says UnauthorizedOperation). */
    static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "NotAuthorized");

    /** Error codes meaning the credentials themselves are bad: no call can succeed with them. */
    static final Set<String> BAD_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "AuthFailure",
            "RequestExpired", "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired",
            "InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken");

    private Faults() {
    }

    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return ase.awsErrorDetails().errorCode();
        }
        return null;
    }

    static boolean badCredentials(SdkException e) {
        return is(BAD_CREDENTIALS, errorCode(e));
    }

    static boolean accessDenied(SdkException e) {
        return is(ACCESS_DENIED, errorCode(e));
    }

    /** {@code Set.of(...)} rejects a null lookup; a client-side failure has no error code. */
    private static boolean is(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }

    /** True when the profile's SSO token has expired or was never obtained ({@code aws sso login} fixes it). */
    static boolean ssoExpired(SdkException e) {
        String m = rootMessage(e) + " " + e.getMessage();
        return e instanceof SdkClientException
                && (m.contains("SSO session") || m.contains("sso login") || m.contains("SSO Token")
                || m.contains("Token is expired") || m.contains("The SSO session associated with this profile"));
    }

    /** True when the SDK found no credentials at all (before any request was sent). */
    static boolean noCredentials(SdkException e) {
        String m = e.getMessage();
        return e instanceof SdkClientException && m != null
                && (m.contains("Unable to load credentials") || m.contains("Unable to load region")
                || m.contains("Profile file contained no credentials") || m.contains("No AWS profile named"));
    }

    /** The reason {@code action} (e.g. {@code ec2:DescribeRouteTables}) gave no evidence. */
    static Unavailable of(String action, SdkException e, String where) {
        String code = errorCode(e);
        if (is(ACCESS_DENIED, code)) {
            return Unavailable.accessDenied(action);
        }
        if (is(BAD_CREDENTIALS, code)) {
            return new Unavailable(AwsSetupException.CREDENTIALS_REJECTED, action, "AWS rejected the credentials on "
                    + action + " (" + code + "), e.g. the session expired during collection: refresh them and collect"
                    + " again.");
        }
        if (e instanceof AwsServiceException ase) {
            if (ase.isThrottlingException()) {
                return new Unavailable("Throttled", action, action + " was still throttled (" + code
                        + ") after the SDK's adaptive retries: collect again in a minute.");
            }
            int status = ase.statusCode();
            if (code == null) {
                return new Unavailable("ServiceError", action, capitalised(where) + " answered " + action + " with HTTP "
                        + status + " and no AWS error code: an emulator may not implement this call"
                        + (status >= 500 ? ", or the service failed; try again later." : "."));
            }
            String kind = status >= 500 ? "a server error" : "an error";
            return new Unavailable("ServiceError", action, capitalised(where) + " answered " + action + " with " + kind
                    + " (HTTP " + status + ", " + code + sentence(messageOf(ase))
                    + "): " + (status >= 500 ? "try again later." : "see the AWS documentation for " + code + "."));
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new Unavailable("Timeout", action, action + " did not answer in time at " + where
                    + ": check the network and the endpoint, then collect again.");
        }
        // an error status without an AWS error code went above: an emulator's gap, once the identity call answered
        if (NotAwsAnswer.in(e).isPresent()) {
            return new Unavailable("NotAws", action, NotAwsAnswer.in(e).get().explain(where, action));
        }
        String root = rootMessage(e);
        if (root.contains("unmarshall") || root.contains("Unmarshall") || root.contains("parse")) {
            return new Unavailable("InvalidResponse", action, capitalised(where) + " answered " + action
                    + " with a response labcheck could not read (" + root + "): is the endpoint really AWS?");
        }
        return new Unavailable("Unreachable", action, "Could not reach " + where + " for " + action + " ("
                + root + "): check the network, the region and --endpoint-url.");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String messageOf(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String m = message.strip();
        return ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
