package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code DELETE /product/{id}} on a cached id, then a read-back.
 *
 * @param offered          false when the app answered 404/405/501 to the DELETE
 * @param id               the product id used
 * @param deleteStatus     the DELETE's HTTP status
 * @param readBackStatus   HTTP status of the GET right after
 * @param readBackStale    whether that GET still served the deleted product
 * @param keyGone          whether {@code product:<id>} was gone from Redis; null when Redis is unreachable
 * @param restored         whether a PUT of the original brought the product back
 * @param problem          what went wrong, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteProbe(boolean offered, int id, int deleteStatus, int readBackStatus, boolean readBackStale,
                          Boolean keyGone, boolean restored, String problem) {

    /** What the DELETE and the reads after it showed, for the judge. */
    public String describe() {
        return "DELETE /product/" + id + " -> HTTP " + deleteStatus + "; GET after -> HTTP " + readBackStatus
                + (readBackStale ? " (stale product served)" : "") + "; product:" + id
                + (keyGone == null ? " not readable from here" : keyGone ? " gone from Redis" : " still in Redis")
                + "; product restored afterwards with PUT: " + restored;
    }
}
