package labcheck.probe;

import java.time.Duration;
import java.util.List;

/**
 * Sends the timing comparison's GET requests from another machine (the app's own instance)
 * and times them there, so the client times carry no tunnel or internet in them. The probe
 * hands it the requests in order and reads back what each answered; how they got there is
 * not its business.
 *
 * <pre>{@code
 * List<RemoteTimer.Timed> r = timer.get(List.of(new RemoteTimer.Leg(false, "/product/7"),
 *         new RemoteTimer.Leg(true, "/product/7")), Duration.ofSeconds(5), Duration.ofSeconds(30));
 * }</pre>
 */
public interface RemoteTimer {

    /** Where the requests are timed, as the scoresheet says it, e.g. "on the instance (curl over SSH)". */
    String where();

    /**
     * GETs each leg in order, one at a time, and returns one answer per leg sent (fewer when the
     * budget ran out).
     *
     * @throws Unusable when the remote side cannot time requests at all (no curl, the connection closed)
     */
    List<Timed> get(List<Leg> legs, Duration requestTimeout, Duration budget) throws Unusable;

    /** The longest one request can take there when the probe asks for {@code requestTimeout}. */
    default Duration perRequestBound(Duration requestTimeout) {
        return requestTimeout;
    }

    /** One request: to the no-cache app ({@code baseline}) or the cache app, on {@code path}. */
    record Leg(boolean baseline, String path) {
    }

    /**
     * What one request answered, as timed remotely.
     *
     * @param status      HTTP status, 0 when none came
     * @param contentType the Content-Type, or null
     * @param body        the body (capped), or null
     * @param millis      the remote client's time for the whole request, as it reported it (NaN when unreadable):
     *                    a claim, held against labcheck's own clock
     * @param failure     why no answer came, or null
     * @param refused     whether the connection could not be made at all
     * @param timedOut    whether the request gave no complete answer in time
     */
    record Timed(int status, String contentType, String body, double millis, String failure, boolean refused,
                 boolean timedOut) {
    }

    /** The remote side cannot time requests; the reason is one sentence for the scoresheet. */
    final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unusable(String reason) {
            super(reason);
        }
    }
}
