package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What labcheck itself saw around one {@code GET /product/{id}} of the cache app, read-only:
 * whether {@code product:<id>} existed before and after it (Redis EXISTS), and how many SELECT
 * statements the database ran during it ({@code Com_select} read before and after, minus what
 * two back-to-back reads of the counter cost by themselves), and how many key lookups the app made in
 * Redis during it (Redis's own {@code INFO stats} counters, the probe's own lookups left out). A part
 * is null when Redis or the database could not be read from here. The texts name the key as the
 * lab does ({@code product:<id>}) unless given the app's own key pattern.
 *
 * <pre>{@code
 * RequestTrace t = new RequestTrace(false, 1L, true);
 * t.served();   // MISS: absent before, the database was queried, cached after
 * }</pre>
 *
 * @param keyBefore whether {@code product:<id>} existed right before the request
 * @param selects   SELECTs the database ran during the request, beyond the probe's own reads
 * @param keyAfter  whether {@code product:<id>} existed right after the request
 * @param redisLookups key lookups the app made in Redis during the request (hits and misses), or null
 *                  when not read (older bundles)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestTrace(Boolean keyBefore, Long selects, Boolean keyAfter, Long redisLookups) {

    /** The lab's key, as the texts name it when not told the app's own. */
    static final String LAB_KEY = "product:<id>";

    /** A trace without the app's Redis lookups. */
    public RequestTrace(Boolean keyBefore, Long selects, Boolean keyAfter) {
        this(keyBefore, selects, keyAfter, null);
    }

    /** How a request was served, as the evidence shows it. */
    public enum Served {
        /** The key was there and the database was not queried. */
        HIT,
        /** The key was not there and the database was queried. */
        MISS,
        /** The key was there, yet the database was queried anyway: not lazy loading. */
        HIT_QUERYING_DB,
        /** The key was not there and the database was not queried: served from neither. */
        NEITHER;

        /** Whether the request was served while its key was in the cache (with or without a needless query). */
        public boolean fromCache() {
            return this == HIT || this == HIT_QUERYING_DB;
        }
    }

    /** The outcome the evidence shows, or null when neither Redis nor the database was readable. */
    public Served served() {
        boolean queried = selects != null && selects > 0;
        if (keyBefore == null) {
            return selects == null ? null : queried ? Served.MISS : Served.HIT;
        }
        if (keyBefore) {
            return queried ? Served.HIT_QUERYING_DB : Served.HIT;
        }
        return selects == null || queried ? Served.MISS : Served.NEITHER;
    }

    /**
     * What the evidence shows of the request, as a clause for the judge; "not judged (no usable
     * answer)" when neither Redis nor the database was read.
     */
    public String describeOutcome() {
        return describeOutcome(LAB_KEY);
    }

    /** {@link #describeOutcome()} with the app's own key pattern, e.g. {@code product:v2:<id> in db 1}. */
    public String describeOutcome(String key) {
        Served s = served();
        if (s == null) {
            return "not judged (no usable answer)";
        }
        return switch (s) {
            case HIT -> "served from Redis (" + key + " present before, no SELECT)";
            case MISS -> "a database read (" + (keyBefore == null ? "" : key + " absent before, ")
                    + (selects == null ? "" : selects + " SELECT") + (bypassedRedis() ? ", no Redis lookup" : "")
                    + ")";
            case HIT_QUERYING_DB -> "served with " + key + " in Redis yet still queried MySQL (" + selects
                    + " SELECT)";
            case NEITHER -> "served with " + key + " absent from Redis and no SELECT in MySQL (from neither)";
        };
    }

    /** Whether the evidence covers both the key and the database (the strongest case). */
    public boolean complete() {
        return keyBefore != null && selects != null;
    }

    /**
     * Why the app's own {@code cache_status} contradicts the evidence, or null when it does not
     * (or is absent, or there is no evidence).
     */
    public String contradiction(String label) {
        return contradiction(label, LAB_KEY);
    }

    /** {@link #contradiction(String)} with the app's own key pattern. */
    public String contradiction(String label, String key) {
        Served s = served();
        if (label == null || s == null) {
            return null;
        }
        if (label.equalsIgnoreCase("HIT") && (s == Served.MISS || s == Served.HIT_QUERYING_DB) && queriedKnown()) {
            return "it answered cache_status HIT while the database ran " + selects + " SELECT"
                    + (selects == 1 ? "" : "s") + " for it";
        }
        if (label.equalsIgnoreCase("HIT") && Boolean.FALSE.equals(keyBefore)) {
            return "it answered cache_status HIT while " + key + " was not in Redis";
        }
        if (label.equalsIgnoreCase("MISS") && Boolean.TRUE.equals(keyBefore)) {
            return "it answered cache_status MISS while " + key + " was already in Redis";
        }
        return null;
    }

    /**
     * Whether the request never reached Redis: its key was absent before and after, and Redis
     * counted no lookup by the app during it. A MISS label on such a request is honest: the
     * product did not come from the cache, and the cache was not even asked.
     */
    @JsonIgnore
    public boolean bypassedRedis() {
        return Boolean.FALSE.equals(keyBefore) && Boolean.FALSE.equals(keyAfter) && redisLookups != null
                && redisLookups == 0;
    }

    private boolean queriedKnown() {
        return selects != null && selects > 0;
    }
}
