package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
 * @param rows             the rows of the products the lazy-loading probe asked for, read after the window
 *                         (what a right answer carries); null in older bundles or when they could not be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseProbe(String url, long productCount, int hitRequests, long selectsDuringHits,
                            long questionsDuringHits, long selectsControl, long questionsControl,
                            Boolean hitsFromRedis, List<ProductRow> rows) {

    public DatabaseProbe {
        rows = rows == null ? null : List.copyOf(rows);
    }

    /** A window whose hits are counted as {@code hitsFromRedis} says, without the products' rows. */
    public DatabaseProbe(String url, long productCount, int hitRequests, long selectsDuringHits,
                         long questionsDuringHits, long selectsControl, long questionsControl,
                         Boolean hitsFromRedis) {
        this(url, productCount, hitRequests, selectsDuringHits, questionsDuringHits, selectsControl, questionsControl,
                hitsFromRedis, null);
    }

    /** A window whose hits are the app's own HIT labels. */
    public DatabaseProbe(String url, long productCount, int hitRequests, long selectsDuringHits,
                         long questionsDuringHits, long selectsControl, long questionsControl) {
        this(url, productCount, hitRequests, selectsDuringHits, questionsDuringHits, selectsControl, questionsControl,
                null, null);
    }

    /** The row of product {@code id} as labcheck read it, or null when it was not read (or there is none). */
    public ProductRow row(int id) {
        return rows == null ? null : rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    /** The window in figures, and what counted its hits, for the judge. */
    public String describe() {
        return "Database " + url + ": " + productCount + " products; during " + hitRequests + " cache hits Com_select"
                + " rose by " + selectsDuringHits + " and Questions by " + questionsDuringHits + "; the probe's own"
                + " idle window moved them by " + selectsControl + " and " + questionsControl + ". Hits counted by "
                + (Boolean.TRUE.equals(hitsFromRedis) ? "Redis EXISTS of the product's key right before each request."
                : "the app's own cache_status HIT labels (Redis not readable from here: run with --redis to"
                + " corroborate them).");
    }

    /** Selects the hits caused beyond the probe's own reads and background traffic. */
    public long excessSelects() {
        return Math.max(0, selectsDuringHits - selectsControl);
    }
}
