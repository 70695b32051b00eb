package labcheck.collect;

import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An answer that did not come from an AWS API: a web page, plain text, a proxy's or captive portal's
 * reply. The SDK only says it could not read it; {@link #INTERCEPTOR} looks at what came back (its
 * Content-Type and status) when a call fails, so the message can name it, and {@code Faults} and
 * {@code Identity} can tell "not AWS" from "unreachable".
 *
 * <pre>{@code
 * NotAwsAnswer.in(e).map(NotAwsAnswer::described);   // Optional["text/plain (HTTP 200)"]
 * }</pre>
 */
final class NotAwsAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Registered on every client: marks a failed call whose answer is no AWS API's. */
    static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
        @Override
        public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
            Throwable e = context.exception();
            Optional<SdkHttpResponse> answer = context.httpResponse();
            if (answer.isEmpty() || e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    && ase.awsErrorDetails().errorCode() != null) {
                return e; // no answer at all, or one AWS could word as an error of its own
            }
            String type = answer.get().firstMatchingHeader("Content-Type").orElse(null);
            // AWS APIs answer XML (query), JSON or CBOR, errors included
            if (type != null && type.toLowerCase(Locale.ROOT).matches(".*(xml|json|cbor).*")) {
                return e;
            }
            // the SDK wants the same exception class back: the mark rides along as a suppressed exception
            e.addSuppressed(new NotAwsAnswer(type, answer.get().statusCode()));
            return e;
        }
    };

    private final String contentType;
    private final int status;

    private NotAwsAnswer(String contentType, int status) {
        super("the answer was " + describe(contentType, status) + ", not an AWS API's", null, false, false);
        this.contentType = contentType;
        this.status = status;
    }

    /** {@code text/plain (HTTP 200)}, as a message names the answer. */
    String described() {
        return describe(contentType, status);
    }

    /**
     * One sentence: {@code where} ("the endpoint http://..." or "AWS in us-east-1") answered {@code action}
     * with this, not an AWS API, and what to check.
     */
    String explain(String where, String action) {
        boolean endpoint = where.startsWith("the endpoint");
        return Character.toUpperCase(where.charAt(0)) + where.substring(1) + " answered " + action + " with "
                + described() + ", not an AWS API; " + (endpoint ? "check --endpoint-url (an emulator such as moto"
                + " listens at http://127.0.0.1:5000)." : "a proxy or captive portal may stand between this host and"
                + " AWS: check the network and HTTPS_PROXY.");
    }

    private static String describe(String contentType, int status) {
        String type = contentType == null ? "no Content-Type" : contentType.replaceFirst(";.*", "").trim();
        return type + " (HTTP " + status + ")";
    }

    /** The mark {@link #INTERCEPTOR} left on {@code e} or one of its causes, if any. */
    static Optional<NotAwsAnswer> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof NotAwsAnswer n) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }
}
