package labcheck.probe;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP exchange as the probe saw it: an answer, or why none came.
 *
 * @param status      the HTTP status, or 0 when no answer came
 * @param contentType the Content-Type header, or null
 * @param body        the body as UTF-8 text (capped), or null
 * @param truncated   whether the body went on past the cap
 * @param nanos       time from sending to the last byte read (or to giving up)
 * @param failure     why no answer came (timeout, refused, reset), or null
 * @param timedOut    whether the failure was a timeout after connecting (the app's fault)
 * @param unreachable whether no connection could be made (maybe this host's fault, maybe the app's)
 */
record HttpResult(int status, String contentType, String body, boolean truncated, long nanos, String failure,
                  boolean timedOut, boolean unreachable) {

    static HttpResult answered(int status, String contentType, CappedBody.Bytes bytes, long nanos) {
        return new HttpResult(status, contentType, new String(bytes.bytes(), StandardCharsets.UTF_8),
                bytes.truncated(), nanos, null, false, false);
    }

    static HttpResult failed(String why, long nanos, boolean timedOut) {
        return new HttpResult(0, null, null, false, nanos, why, timedOut, false);
    }

    static HttpResult unreachable(String why, long nanos) {
        return new HttpResult(0, null, null, false, nanos, why, false, true);
    }

    /** Why this exchange gave no evidence, as the code an {@code Unavailable} carries. */
    String unavailableCode() {
        return unreachable ? "Unreachable" : timedOut ? "Timeout" : failure != null ? "InvalidResponse" : null;
    }

    boolean answered() {
        return failure == null;
    }

    double millis() {
        return nanos / 1_000_000.0;
    }

    /** One sentence fragment naming what was wrong with the transport, or null. */
    String transportProblem() {
        if (failure != null) {
            return failure;
        }
        if (truncated) {
            return "the body was larger than the probe reads (cut at " + body.length() + " bytes)";
        }
        return null;
    }
}
