package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the read-only database connection saw.
 *
 * @param url              the JDBC URL (sanitised)
 * @param productCount     {@code SELECT COUNT(*) FROM products}
 * @param hitRequests      cache-app requests in the hit window that answered HIT
 * @param selectsDuringHits {@code Com_select} delta across the hit window
 * @param questionsDuringHits {@code Questions} delta across the hit window
 * @param selectsControl   {@code Com_select} delta across an idle window of the probe's own reads
 *                         (its own statements and background traffic), subtracted before judging
 * @param questionsControl {@code Questions} delta across the same idle window
 * @param hitsFromRedis    true when {@code hitRequests} counts requests whose key Redis held right before
 *                         (EXISTS), false when it counts the app's own HIT labels; null in older bundles
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseProbe(String url, long productCount, int hitRequests, long selectsDuringHits,
                            long questionsDuringHits, long selectsControl, long questionsControl,
                            Boolean hitsFromRedis) {

    /** A window whose hits are the app's own HIT labels. */
    public DatabaseProbe(String url, long productCount, int hitRequests, long selectsDuringHits,
                         long questionsDuringHits, long selectsControl, long questionsControl) {
        this(url, productCount, hitRequests, selectsDuringHits, questionsDuringHits, selectsControl, questionsControl,
                null);
    }

    /** The window in figures, and what counted its hits, for the judge. */
    public String describe() {
        return "Database " + url + ": " + productCount + " products; during " + hitRequests + " cache hits Com_select"
                + " rose by " + selectsDuringHits + " and Questions by " + questionsDuringHits + "; the probe's own"
                + " idle window moved them by " + selectsControl + " and " + questionsControl + ". Hits counted by "
                + (Boolean.TRUE.equals(hitsFromRedis) ? "Redis EXISTS product:<id> right before each request."
                : "the app's own cache_status HIT labels (Redis not readable from here: run with --redis to"
                + " corroborate them).");
    }

    /** Selects the hits caused beyond the probe's own reads and background traffic. */
    public long excessSelects() {
        return Math.max(0, selectsDuringHits - selectsControl);
    }
}
