package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * The database work a cache miss needs, timed by labcheck itself beside the two apps: the lab's
 * {@code SELECT * FROM products WHERE id = ?} on a connection kept open (as a pooled app does),
 * and the same query on a connection opened for it and closed after (as the seed's
 * {@code app_no_cache.py} does per request), over the path labcheck reaches the database by.
 * Whether the no-cache app opens a connection per request is read from the server's own
 * {@code Connections} counter across the timing comparison.
 *
 * <pre>{@code
 * QueryTiming q = timing.database().value();
 * q.neededMs();   // the median of the work that matches the no-cache app's behaviour
 * }</pre>
 *
 * @param path                 where the queries were timed from, e.g. "from labcheck's host, directly" or
 *                             "from labcheck's host through the SSH forward (its round trips included)"
 * @param pooled               the query on a connection kept open
 * @param connectAndQuery      connect, query and close
 * @param baselineRequests     no-cache app requests in the timing comparison, or null when not counted
 * @param baselineConnections  connections the database server accepted meanwhile ({@code Connections}
 *                             delta), or null when it could not be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryTiming(String path, LatencySummary pooled, LatencySummary connectAndQuery,
                          Long baselineRequests, Long baselineConnections) {

    /**
     * Whether the no-cache app opened a connection per request (at least one for every two of its
     * requests); null when the counter could not tell.
     */
    public Boolean opensConnectionPerRequest() {
        if (baselineRequests == null || baselineConnections == null || baselineRequests <= 0) {
            return null;
        }
        return baselineConnections * 2 >= baselineRequests;
    }

    /**
     * The median time of the database work that matches the no-cache app's behaviour: connect and
     * query when it opens a connection per request, or when that is unknown (the more generous);
     * the query alone when it keeps its connections.
     */
    public double neededMs() {
        return Boolean.FALSE.equals(opensConnectionPerRequest()) ? pooled.p50() : connectAndQuery.p50();
    }

    /** Which of the two {@link #neededMs()} is, as a phrase: "connect and query" or "the query alone". */
    public String neededWork() {
        return Boolean.FALSE.equals(opensConnectionPerRequest()) ? "the query on an open connection"
                : "connect, query and close";
    }

    /** The timings in figures, and which one the no-cache app is held to, for the judge. */
    public String describe() {
        Boolean perRequest = opensConnectionPerRequest();
        return String.format(Locale.ROOT, "Database path timed %s: SELECT * FROM products WHERE id = ? took"
                + " p50=%.3f ms on an open connection (n=%d) and p50=%.3f ms with connect and close (n=%d); ",
                path, pooled.p50(), pooled.count(), connectAndQuery.p50(), connectAndQuery.count())
                + (perRequest == null ? "whether the no-cache app opens a connection per request was not read, so"
                + " it is held to the more generous connect, query and close."
                : "the server accepted " + baselineConnections + " connections during the no-cache app's "
                + baselineRequests + " requests, so it " + (perRequest ? "opens one per request and is held to"
                + " connect, query and close." : "keeps its connections and is held to the query alone."));
    }
}
