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
}
