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

    /** Both requests for the judge, e.g. "product 7: MISS (...), label MISS then HIT (...), label HIT". */
    public String describe() {
        return "product " + id + ": " + describe(firstTrace, first) + " then " + describe(secondTrace, second);
    }

    /** One request: the evidence's outcome and reads, then the app's own label. */
    private static String describe(RequestTrace trace, ProductAnswer answer) {
        StringBuilder b = new StringBuilder();
        RequestTrace.Served s = trace == null ? null : trace.served();
        b.append(s == null ? "no evidence" : s.name());
        if (trace != null && trace.keyBefore() != null) {
            b.append(" (key ").append(trace.keyBefore() ? "present" : "absent").append(" before");
            b.append(trace.keyAfter() == null ? "" : trace.keyAfter() ? ", present after" : ", absent after");
            b.append(trace.selects() == null ? "" : ", " + trace.selects() + " SELECT").append(")");
        } else if (trace != null && trace.selects() != null) {
            b.append(" (").append(trace.selects()).append(" SELECT)");
        }
        return b.append(", label ").append(answer.cacheStatus() == null ? "absent" : answer.cacheStatus()).toString();
    }
}
