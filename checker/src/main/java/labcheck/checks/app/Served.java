package labcheck.checks.app;

import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RequestTrace;

/**
 * How each probed request was served: decided on what labcheck saw in Redis and the database
 * around it when it could read them, and on the app's own {@code cache_status} (a claim) only
 * when it could not. The label is then compared with the evidence.
 */
final class Served {

    private Served() {
    }

    /** The outcome of one request: the evidence's, else the label's, else null. */
    static RequestTrace.Served of(ProductAnswer a, RequestTrace t) {
        RequestTrace.Served s = t == null ? null : t.served();
        if (s != null) {
            return s;
        }
        return a.hit() ? RequestTrace.Served.HIT : a.miss() ? RequestTrace.Served.MISS : null;
    }

    /** Whether the request was served while its key was in the cache (with or without a needless query). */
    static boolean fromCache(RequestTrace.Served s) {
        return s != null && s.fromCache();
    }

    /** Why the label contradicts the evidence, or null; the key named as {@code key}. */
    static String lie(ProductAnswer a, RequestTrace t, String key) {
        return t == null ? null : t.contradiction(a.cacheStatus(), key);
    }

    /**
     * Whether the database window (many requests served from the cache, Com_select read around
     * them all) shows no querying. It outweighs one request's bracket, which a background
     * statement on the server (RDS runs its own) can move: a per-request "queried" is then noise.
     */
    static boolean windowShowsNoQuery(AppEvidence app) {
        if (app.database() == null || !app.database().available()) {
            return false;
        }
        DatabaseProbe db = app.database().value();
        return Boolean.TRUE.equals(db.hitsFromRedis()) && db.hitRequests() >= 5
                && db.excessSelects() <= selectsAllowed(db);
    }

    /** The extra SELECTs the database window forgives its cache hits (background statements). */
    static long selectsAllowed(DatabaseProbe db) {
        return (long) Math.floor(db.hitRequests() * LazyLoadingChecks.SELECTS_PER_HIT_ALLOWED);
    }

    /**
     * A lazy-load request found cached that still queried the database, as a clause, or null;
     * null too when the database window shows no querying (it outweighs one request's bracket).
     */
    static String perRequestQuery(AppEvidence app) {
        if (app.lazyLoad() == null || !app.lazyLoad().available() || windowShowsNoQuery(app)) {
            return null;
        }
        for (ProductObservation o : app.lazyLoad().value().observations()) {
            RequestTrace t = o.secondTrace();
            if (t != null && t.served() == RequestTrace.Served.HIT_QUERYING_DB) {
                return "product " + o.id() + " was in Redis before its second request, yet MySQL ran " + t.selects()
                        + " SELECT" + (t.selects() == 1 ? "" : "s") + " during it";
            }
        }
        return null;
    }

    /** Evidence that cache hits still query the database, as a sentence, or null when there is none. */
    static String hitsQueryDatabase(AppEvidence app) {
        String perRequest = perRequestQuery(app);
        if (perRequest != null) {
            return perRequest;
        }
        if (app.database() != null && app.database().available()) {
            DatabaseProbe db = app.database().value();
            if (db.hitRequests() > 0 && db.excessSelects() > selectsAllowed(db)) {
                return "during " + db.hitRequests() + " requests served from the cache MySQL ran "
                        + db.excessSelects() + " SELECT statements";
            }
        }
        return null;
    }
}
