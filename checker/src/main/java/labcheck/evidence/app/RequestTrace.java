package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What labcheck itself saw around one {@code GET /product/{id}} of the cache app, read-only:
 * whether {@code product:<id>} existed before and after it (Redis EXISTS), and how many SELECT
 * statements the database ran during it ({@code Com_select} read before and after, minus what
 * two back-to-back reads of the counter cost by themselves). A part is null when Redis or the
 * database could not be read from here.
 *
 * <pre>{@code
 * RequestTrace t = new RequestTrace(false, 1L, true);
 * t.served();   // MISS: absent before, the database was queried, cached after
 * }</pre>
 *
 * @param keyBefore whether {@code product:<id>} existed right before the request
 * @param selects   SELECTs the database ran during the request, beyond the probe's own reads
 * @param keyAfter  whether {@code product:<id>} existed right after the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestTrace(Boolean keyBefore, Long selects, Boolean keyAfter) {

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
        Served s = served();
        if (s == null) {
            return "not judged (no usable answer)";
        }
        return switch (s) {
            case HIT -> "served from Redis (product:<id> present before, no SELECT)";
            case MISS -> "a database read (" + (keyBefore == null ? "" : "product:<id> absent before, ")
                    + (selects == null ? "" : selects + " SELECT") + ")";
            case HIT_QUERYING_DB -> "served with product:<id> in Redis yet still queried MySQL (" + selects
                    + " SELECT)";
            case NEITHER -> "served with product:<id> absent from Redis and no SELECT in MySQL (from neither)";
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
        Served s = served();
        if (label == null || s == null) {
            return null;
        }
        if (label.equalsIgnoreCase("HIT") && (s == Served.MISS || s == Served.HIT_QUERYING_DB) && queriedKnown()) {
            return "it answered cache_status HIT while the database ran " + selects + " SELECT"
                    + (selects == 1 ? "" : "s") + " for it";
        }
        if (label.equalsIgnoreCase("HIT") && Boolean.FALSE.equals(keyBefore)) {
            return "it answered cache_status HIT while product:<id> was not in Redis";
        }
        if (label.equalsIgnoreCase("MISS") && Boolean.TRUE.equals(keyBefore)) {
            return "it answered cache_status MISS while product:<id> was already in Redis";
        }
        return null;
    }

    private boolean queriedKnown() {
        return selects != null && selects > 0;
    }
}
