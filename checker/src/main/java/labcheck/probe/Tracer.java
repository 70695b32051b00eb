package labcheck.probe;

import java.sql.SQLException;
import java.util.List;
import labcheck.evidence.app.RequestTrace;

/**
 * Brackets one sequential request of the cache app with read-only looks at Redis (EXISTS of the
 * product's key under the app's scheme, and Redis's keyspace counters in the same round trip)
 * and the database ({@code Com_select}), to infer how it was served and whether the app asked
 * Redis at all. The probe's own counter read costs what an idle pair of reads costs; that is
 * subtracted. A reader that fails stops being used, with a note, and its part of the trace
 * becomes null.
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
    private final ProductKeys keys;
    private final List<String> notes;
    private long control;

    Tracer(RedisReader redis, ProductKeys keys, DbReader db, List<String> notes) {
        this.redis = redis;
        this.keys = keys;
        this.db = db;
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

    /** The state right before a request: the key, the app's Redis lookups so far, the selects so far. */
    record Mark(Boolean keyBefore, Long lookups, Long selects) {
    }

    Mark before(int id) {
        long[] r = read(id, true);
        return new Mark(r == null ? null : r[0] == 1, r == null ? null : r[1] + r[2], select());
    }

    RequestTrace after(int id, Mark before) {
        Long s1 = select();
        long[] r = read(id, false);
        Boolean after = r == null ? null : r[0] == 1;
        Long selects = before.selects() == null || s1 == null ? null : Math.max(0, s1 - before.selects() - control);
        // the counters were read after the EXISTS before the request and before the EXISTS after it
        Long lookups = before.lookups() == null || r == null ? null : Math.max(0, r[1] + r[2] - before.lookups());
        return new RequestTrace(before.keyBefore(), selects, after, lookups);
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
            return redis.exists(keys.key(id));
        } catch (RuntimeException e) {
            redisFailed(e);
            return null;
        }
    }

    /** {exists 0/1, keyspace hits, keyspace misses}, or null when Redis is not (or no longer) read. */
    private long[] read(int id, boolean existsFirst) {
        if (redis == null) {
            return null;
        }
        try {
            return redis.existsAndCounters(keys.key(id), existsFirst);
        } catch (RuntimeException e) {
            redisFailed(e);
            return null;
        }
    }

    private void redisFailed(RuntimeException e) {
        notes.add("Redis EXISTS failed during the probe (" + e.getMessage() + "); the rest of the requests were "
                + "judged without Redis.");
        redis = null;
    }

    private void dbFailed(Exception e) {
        notes.add("Reading Com_select failed during the probe (" + e.getMessage() + "); the rest of the requests were "
                + "judged without the database counters.");
        db = null;
    }
}
