package labcheck.probe;

import java.sql.SQLException;
import java.util.List;
import labcheck.evidence.app.RequestTrace;

/**
 * Brackets one sequential request of the cache app with read-only looks at Redis (EXISTS
 * {@code product:<id>}) and the database ({@code Com_select}), to infer how it was served.
 * The probe's own counter read costs what an idle pair of reads costs; that is subtracted.
 * A reader that fails stops being used, with a note, and its part of the trace becomes null.
 *
 * <pre>{@code
 * Tracer.Mark before = tracer.before(id);
 * app.get("/product/" + id, d);
 * RequestTrace t = tracer.after(id, before);
 * }</pre>
 */
final class Tracer {

    private RedisReader redis;
    private DbReader db;
    private final Tally tally;
    private final List<String> notes;
    private long control;

    Tracer(RedisReader redis, DbReader db, Tally tally, List<String> notes) {
        this.redis = redis;
        this.db = db;
        this.tally = tally;
        this.notes = notes;
        if (db != null) {
            try {
                long[] c0 = db.counters();
                long[] c1 = db.counters();
                control = Math.max(0, c1[0] - c0[0]);
            } catch (SQLException | RuntimeException e) {
                dbFailed(e);
            }
        }
    }

    /** Whether any evidence is read around requests. */
    boolean active() {
        return redis != null || db != null;
    }

    /** The state right before a request. */
    record Mark(Boolean keyBefore, Long selects) {
    }

    Mark before(int id) {
        return new Mark(exists(id), select());
    }

    RequestTrace after(int id, Mark before) {
        Long s1 = select();
        Boolean after = exists(id);
        Long selects = before.selects() == null || s1 == null ? null : Math.max(0, s1 - before.selects() - control);
        return new RequestTrace(before.keyBefore(), selects, after);
    }

    /** Whether Redis is (still) read around requests. */
    boolean readsRedis() {
        return redis != null;
    }

    Long select() {
        if (db == null) {
            return null;
        }
        try {
            return db.counters()[0];
        } catch (SQLException | RuntimeException e) {
            dbFailed(e);
            return null;
        }
    }

    Boolean exists(int id) {
        if (redis == null) {
            return null;
        }
        try {
            boolean e = redis.exists("product:" + id);
            tally.lookup(e);
            return e;
        } catch (RuntimeException e) {
            notes.add("Redis EXISTS failed during the probe (" + e.getMessage() + "); the rest of the requests were "
                    + "judged without Redis.");
            redis = null;
            return null;
        }
    }

    private void dbFailed(Exception e) {
        notes.add("Reading Com_select failed during the probe (" + e.getMessage() + "); the rest of the requests were "
                + "judged without the database counters.");
        db = null;
    }
}
