package labapp.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labapp.product.Lookup;
import labapp.product.ProductChange;
import labapp.product.ProductJson;
import labapp.product.ProductRepository;
import labapp.product.ProductService;

/**
 * {@code /product/{id}} (GET, and the extensions PUT and DELETE) and {@code POST /cache/warm}.
 * The GET answer is the seed's: {@code {product, response_time_ms, cache_used, cache_status}};
 * the no-cache app, like {@code app_no_cache.py}, has no {@code cache_status}.
 */
final class ProductRoutes {
    private final ProductService service;

    ProductRoutes(ProductService service) {
        this.service = service;
    }

    void get(Context ctx) {
        long start = System.nanoTime();
        Lookup found = service.get(IdParam.parse(ctx.pathParam("id")));
        // Built by hand: the cached JSON is spliced in unparsed, which keeps a hit cheap.
        StringBuilder body = new StringBuilder(found.json().length() + 96)
                .append("{\"product\":").append(found.json())
                .append(",\"response_time_ms\":");
        double ms = Json.round2((System.nanoTime() - start) / 1_000_000.0);
        body.append(ms).append(",\"cache_used\":").append(found.fromCache());
        if (service.caching()) {
            body.append(",\"cache_status\":\"").append(found.fromCache() ? "HIT" : "MISS").append('"');
        }
        ctx.contentType(Json.TYPE).result(body.append('}').toString());
    }

    void put(Context ctx) {
        int id = IdParam.parse(ctx.pathParam("id"));
        ProductChange change = readChange(ctx.body());
        ProductRepository.Saved saved;
        try {
            saved = service.save(id, change);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("product", ProductJson.read(ProductJson.write(saved.product())));
        out.put("created", saved.created());
        out.put("cache_updated", service.caching());
        Json.send(ctx, saved.created() ? 201 : 200, out);
    }

    void delete(Context ctx) {
        int id = IdParam.parse(ctx.pathParam("id"));
        if (!service.delete(id)) {
            throw new ApiError(404, "product " + id + " not found");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", id);
        out.put("cache_invalidated", service.caching());
        Json.send(ctx, 200, out);
    }

    void warm(Context ctx) {
        if (!service.caching()) {
            throw new ApiError(404, "the no-cache app has no cache to warm; use the cache app's port");
        }
        String top = ctx.queryParam("top");
        int n;
        try {
            n = top == null ? 100 : Integer.parseInt(top);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "top must be a whole number, not '" + top + "'");
        }
        if (n < 1 || n > 100_000) {
            throw new ApiError(400, "top must be from 1 to 100000, not " + n);
        }
        List<Integer> ids = service.warm(n);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warmed", ids.size());
        out.put("ttl_seconds", service.cache().ttlSeconds());
        out.put("ids", ids);
        Json.send(ctx, 200, out);
    }

    private static ProductChange readChange(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiError(400, "PUT needs a JSON body such as {\"name\":\"Laptop\",\"price\":899.99}");
        }
        ChangeBody b;
        try {
            b = Json.MAPPER.readValue(body, ChangeBody.class);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "body is not a product change: " + e.getOriginalMessage());
        }
        try {
            ProductChange change = new ProductChange(b.name, b.price, b.description, b.views);
            if (change.isEmpty()) {
                throw new IllegalArgumentException("give at least one of name, price, description, views");
            }
            return change;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    /** The accepted fields; {@code id} is ignored (the path names the product). */
    @JsonIgnoreProperties(value = {"id"})
    static final class ChangeBody {
        public String name;
        public BigDecimal price;
        public String description;
        public Integer views;
    }
}
