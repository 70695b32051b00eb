package labcheck.probe;

import java.sql.SQLException;
import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.WarmCacheProbe;

/**
 * Reads, before the probe's own requests, which of the most viewed products Redis already
 * holds under the app's key scheme (extension 2, cache warming). Read-only: one SELECT of the
 * ranking, one EXISTS pipeline.
 */
final class WarmPhase {

    /** Ranks read: the rubric's N (the seed's 100) is judged on a prefix of these. */
    static final int RANKED = 1000;

    private WarmPhase() {
    }

    /** The most viewed ids, most viewed first, or none when the database is not readable. */
    static List<Integer> top(DbReader db, int n) {
        if (db == null) {
            return List.of();
        }
        try {
            return db.topByViews(n);
        } catch (SQLException e) {
            return List.of();
        }
    }

    static Fact<WarmCacheProbe> read(DbReader.Result db, RedisReader.Result redis, ProductKeys keys) {
        if (db.reader() == null) {
            return Fact.unavailable(db.unavailable());
        }
        if (redis.reader() == null) {
            return Fact.unavailable(redis.unavailable());
        }
        try {
            List<Integer> top = db.reader().topByViews(RANKED);
            boolean[] present = redis.reader().existsAll(top.stream().map(keys::key).toList());
            StringBuilder cached = new StringBuilder(top.size());
            for (boolean p : present) {
                cached.append(p ? '1' : '0');
            }
            return Fact.of(new WarmCacheProbe(redis.reader().endpoint(), top, cached.toString()));
        } catch (SQLException e) {
            return Fact.unavailable(new Unavailable("ServiceError", "mysql:products", "The most viewed products "
                    + "could not be read (" + e.getMessage() + "); the read-only user needs SELECT on products."));
        } catch (RuntimeException e) {
            return Fact.unavailable(redis.reader().unreachable(e));
        }
    }
}
