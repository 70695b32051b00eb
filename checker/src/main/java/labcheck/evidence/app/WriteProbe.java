package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code PUT /product/{id}} with a changed price, then the original put back.
 *
 * @param offered          false when the app answered 404/405/501 (no such route)
 * @param id               the product id used
 * @param putStatus        the PUT's HTTP status
 * @param readBackStatus   cache_status of the GET right after the PUT
 * @param readBackUpdated  whether that GET served the new price
 * @param redisUpdated     whether {@code product:<id>} held the new price; null when Redis is unreachable
 * @param restored         whether the original product was served again after restoring it
 * @param problem          what went wrong, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteProbe(boolean offered, int id, int putStatus, String readBackStatus, boolean readBackUpdated,
                         Boolean redisUpdated, boolean restored, String problem) {

    /** What the PUT and the reads after it showed, for the judge. */
    public String describe() {
        return "PUT /product/" + id + " -> HTTP " + putStatus + "; read back " + readBackStatus
                + (readBackUpdated ? " with the new price" : " without the new price") + "; product:" + id
                + " in Redis " + (redisUpdated == null ? "not readable from here" : redisUpdated ? "updated"
                : "not updated") + "; original restored: " + restored;
    }
}
