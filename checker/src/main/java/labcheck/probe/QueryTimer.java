package labcheck.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.QueryTiming;
import labcheck.evidence.app.TimingProbe;

/**
 * Times the database work a cache miss needs, beside the timing comparison, so the no-cache app's
 * time is corroborated rather than trusted: the lab's query by id on the connection the probe keeps
 * open, and on a connection opened for it and closed after. Bounded: {@link #POOLED} and
 * {@link #CONNECTED} queries at most, within the deadline it is given. It reads the server's
 * {@code Connections} counter around the timing comparison to tell which of the two the no-cache
 * app pays.
 *
 * <pre>{@code
 * QueryTimer timer = QueryTimer.before(db.reader(), db.unavailable());   // before the comparison
 * Fact<TimingProbe> timing = products.timing(deadline);
 * timing = timer.after(timing, total.share(0.08));
 * }</pre>
 */
final class QueryTimer {

    /** Queries timed on the open connection. */
    static final int POOLED = 15;
    /** Queries timed with a connection of their own (each one a connect, a query and a close). */
    static final int CONNECTED = 7;
    /** Fewer samples than this of either kind make no median worth grading on. */
    static final int MIN_SAMPLES = 3;

    private final DbReader db;
    private final Unavailable unavailable;
    private final Long connectionsBefore;

    private QueryTimer(DbReader db, Unavailable unavailable, Long connectionsBefore) {
        this.db = db;
        this.unavailable = unavailable;
        this.connectionsBefore = connectionsBefore;
    }

    /** Reads the connection counter before the timing comparison; {@code db} may be null (then why not). */
    static QueryTimer before(DbReader db, Unavailable why) {
        return new QueryTimer(db, why, db == null ? null : connections(db));
    }

    /**
     * {@code timing} with the database work timed beside it; an unavailable comparison stays as it
     * is, and without a database the work is unavailable with the reason.
     */
    Fact<TimingProbe> after(Fact<TimingProbe> timing, Deadline d) {
        if (!timing.available()) {
            return timing;
        }
        TimingProbe t = timing.value();
        Fact<QueryTiming> work = db != null ? time(t, t.ids(), d) : Fact.unavailable(new Unavailable(
                unavailable.code(), unavailable.action(), "The database work a miss needs was not timed, so the"
                + " no-cache app's time could not be corroborated. " + unavailable.message()));
        return Fact.of(t.toBuilder().database(work).build());
    }

    private Fact<QueryTiming> time(TimingProbe t, List<Integer> ids, Deadline d) {
        Long connectionsAfter = connectionsBefore == null ? null : connections(db);
        long baselineRequests = t.baselineClient().count() + t.baselineFailures() + t.warmupPerApp();
        List<Double> pooled = new ArrayList<>();
        List<Double> connected = new ArrayList<>();
        try {
            // interleaved, so both kinds see the same load on the database and the path to it
            for (int i = 0; i < POOLED && !d.expired(); i++) {
                int id = ids.get(i % ids.size());
                long t0 = System.nanoTime();
                db.queryById(db.connection(), id);
                pooled.add((System.nanoTime() - t0) / 1e6);
                if (i % 2 == 0 && connected.size() < CONNECTED && !d.expired()) {
                    long c0 = System.nanoTime();
                    try (Connection c = db.openAnother()) {
                        db.queryById(c, id);
                    }
                    connected.add((System.nanoTime() - c0) / 1e6);
                }
            }
        } catch (SQLException | RuntimeException e) {
            return Fact.unavailable(new Unavailable("ServiceError", "mysql",
                    "Timing the lab's query by id on the database failed (" + e.getMessage() + "), so the no-cache"
                            + " app's time could not be corroborated; the read-only user needs SELECT on products."));
        }
        if (pooled.size() < MIN_SAMPLES || connected.size() < MIN_SAMPLES) {
            return Fact.unavailable(new Unavailable("Timeout", "mysql", "The probe's time budget"
                    + " ran out after " + pooled.size() + " timed queries and " + connected.size() + " connections,"
                    + " too few to corroborate the no-cache app's time; run with a larger --budget."));
        }
        String path = db.forwarded() ? "from labcheck's host through the forward to the database (the forward's"
                + " round trips included, so the work is an upper bound)" : "from labcheck's host, directly";
        return Fact.of(new QueryTiming(path, Latencies.ofMillis(array(pooled)), Latencies.ofMillis(array(connected)),
                connectionsAfter == null ? null : baselineRequests,
                connectionsAfter == null ? null : Math.max(0, connectionsAfter - connectionsBefore)));
    }

    private static double[] array(List<Double> ms) {
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The server's connection counter, or null when it cannot be read (the more generous work is then used). */
    private static Long connections(DbReader db) {
        try {
            long n = db.connections();
            return n < 0 ? null : n;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }
}
