package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One product id requested twice from the cache app.
 *
 * @param id             the product id
 * @param cachedBefore   whether {@code product:<id>} existed in Redis before the first request;
 *                       null when Redis could not be read from here
 * @param first          the first answer (expected MISS)
 * @param second         the second answer (expected HIT)
 * @param sameProduct    whether both answers carried equal product data
 * @param firstTrace     what Redis and the database showed around the first request, or null (older
 *                       bundles, or neither readable)
 * @param secondTrace    the same around the second request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductObservation(int id, Boolean cachedBefore, ProductAnswer first, ProductAnswer second,
                                 boolean sameProduct, RequestTrace firstTrace, RequestTrace secondTrace) {

    /** An observation decided on the app's labels alone (no Redis or database evidence). */
    public ProductObservation(int id, Boolean cachedBefore, ProductAnswer first, ProductAnswer second,
                              boolean sameProduct) {
        this(id, cachedBefore, first, second, sameProduct, null, null);
    }
}
