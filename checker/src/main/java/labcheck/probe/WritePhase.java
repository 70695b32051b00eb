package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.DeleteProbe;
import labcheck.evidence.app.WriteProbe;

/**
 * The extension challenges' write paths: {@code PUT /product/{id}} (write-through) and
 * {@code DELETE /product/{id}} (invalidation). Both change the student's data, so each puts
 * the original product back afterwards and records whether that worked.
 */
final class WritePhase {

    private final HttpProbe app;
    private final RedisReader redis;
    private final ProductKeys keys;
    private final List<Map.Entry<Integer, JsonNode>> cached;

    WritePhase(HttpProbe app, RedisReader redis, ProductKeys keys, Map<Integer, JsonNode> cached) {
        this.app = app;
        this.redis = redis;
        this.keys = keys;
        this.cached = new ArrayList<>(cached.entrySet());
    }

    Fact<WriteProbe> put(Deadline d) {
        if (cached.isEmpty() || app.givenUp()) {
            return noProduct("PUT");
        }
        int id = cached.get(0).getKey();
        JsonNode original = cached.get(0).getValue();
        ObjectNode changed = original.deepCopy();
        BigDecimal newPrice = price(original).add(new BigDecimal("1.11"));
        changed.put("price", newPrice);
        HttpResult put = app.exchange("PUT", "/product/" + id, changed.toString(), d);
        if (!put.answered()) {
            return Fact.unavailable(new Unavailable(put.unavailableCode(), "PUT /product/{id}",
                    "PUT /product/" + id + ": " + put.failure() + "."));
        }
        if (notOffered(put.status())) {
            return Fact.of(new WriteProbe(false, id, put.status(), null, false, null, true, null));
        }
        ProductReader.Read back = ProductReader.read(id, app.get("/product/" + id, d));
        boolean updated = back.product() != null && price(back.product()).compareTo(newPrice) == 0;
        Boolean redisUpdated = null;
        String problem = put.status() / 100 == 2 ? null : "PUT answered HTTP " + put.status();
        if (redis != null) {
            try {
                StoredValue v = StoredValue.read(redis, keys.key(id));
                redisUpdated = v.product() != null && price(v.product()).compareTo(newPrice) == 0;
            } catch (RuntimeException e) {
                redisUpdated = null;
            }
        }
        boolean restored = restore(id, original, d);
        return Fact.of(new WriteProbe(true, id, put.status(), back.answer().cacheStatus(), updated, redisUpdated,
                restored, problem != null ? problem : back.answer().problem()));
    }

    Fact<DeleteProbe> delete(Deadline d) {
        if (cached.size() < 2 || app.givenUp()) {
            return noProduct("DELETE");
        }
        int id = cached.get(1).getKey();
        JsonNode original = cached.get(1).getValue();
        HttpResult del = app.exchange("DELETE", "/product/" + id, null, d);
        if (!del.answered()) {
            return Fact.unavailable(new Unavailable(del.unavailableCode(), "DELETE /product/{id}",
                    "DELETE /product/" + id + ": " + del.failure() + "."));
        }
        if (notOffered(del.status())) {
            return Fact.of(new DeleteProbe(false, id, del.status(), 0, false, null, true, null));
        }
        HttpResult get = app.get("/product/" + id, d);
        ProductReader.Read back = ProductReader.read(id, get);
        boolean stale = get.status() == 200 && Json.sameProduct(back.product(), original);
        Boolean keyGone = null;
        if (redis != null) {
            try {
                keyGone = !redis.exists(keys.key(id));
            } catch (RuntimeException e) {
                keyGone = null;
            }
        }
        boolean restored = restore(id, original, d);
        String problem = del.status() / 100 == 2 ? null : "DELETE answered HTTP " + del.status();
        return Fact.of(new DeleteProbe(true, id, del.status(), get.status(), stale, keyGone, restored, problem));
    }

    /** Puts the original product back through the app's own PUT; true when it is served again. */
    private boolean restore(int id, JsonNode original, Deadline d) {
        HttpResult put = app.exchange("PUT", "/product/" + id, original.toString(), d.slice(java.time.Duration.ofSeconds(30)));
        if (!put.answered() || put.status() / 100 != 2) {
            return false;
        }
        ProductReader.Read back = ProductReader.read(id, app.get("/product/" + id, d));
        return Json.sameProduct(back.product(), original);
    }

    private static boolean notOffered(int status) {
        return status == 404 || status == 405 || status == 501;
    }

    /** The product's price; zero when absent, not a number, or a number too large to add to cheaply. */
    private static BigDecimal price(JsonNode product) {
        JsonNode p = product == null ? null : product.get("price");
        BigDecimal d = p == null || p.isNull() ? null : Json.boundedDecimal(p.asText());
        return d == null ? BigDecimal.ZERO : d;
    }

    private static <T> Fact<T> noProduct(String method) {
        return Fact.unavailable(new Unavailable("InvalidResponse", method + " /product/{id}", "The " + method
                + " probe was not run: it needs " + ("PUT".equals(method) ? "a product" : "two products")
                + " that the cache app served from its cache (HIT), and there were not enough."));
    }
}
