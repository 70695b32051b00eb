package labapp.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import labapp.product.CacheUnavailableException;
import labapp.product.Counters;
import labapp.product.ProductService;

/** {@code /stats} and {@code /health}: JSON always, whatever is down. */
final class StatusRoutes {
    private final ProductService service;

    StatusRoutes(ProductService service) {
        this.service = service;
    }

    /**
     * The seed's {@code /stats} from {@code INFO stats}, plus the app's own counters since start;
     * 503 with the app's counters when Redis cannot be asked.
     */
    void stats(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!service.caching()) {
            out.put("cache_used", false);
            appCounters(out);
            out.put("db_queries", service.repository().queries());
            Json.send(ctx, 200, out);
            return;
        }
        Map<String, Long> info;
        try {
            info = service.cache().infoStats();
        } catch (CacheUnavailableException e) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("redis_status", "disconnected");
            appCounters(extra);
            Json.error(ctx, 503, "Redis unavailable: cannot read INFO stats", extra);
            return;
        }
        long hits = info.getOrDefault("keyspace_hits", 0L);
        long misses = info.getOrDefault("keyspace_misses", 0L);
        long total = hits + misses;
        out.put("keyspace_hits", hits);
        out.put("keyspace_misses", misses);
        out.put("total_requests", total);
        out.put("hit_ratio_percent", total > 0 ? Json.round2(hits * 100.0 / total) : 0);
        appCounters(out);
        Json.send(ctx, 200, out);
    }

    private void appCounters(Map<String, Object> out) {
        Counters c = service.counters();
        long answered = c.hits() + c.misses();
        out.put("app_requests", c.requests());
        if (service.caching()) {
            out.put("app_cache_hits", c.hits());
            out.put("app_cache_misses", c.misses());
            out.put("app_hit_ratio_percent", answered > 0 ? Json.round2(c.hits() * 100.0 / answered) : 0);
        }
    }

    /**
     * {@code {status, redis_status, db_status}}: healthy when all it uses answer, degraded when it
     * still serves products (from one of them), unhealthy (503) when it cannot.
     */
    void health(Context ctx) {
        boolean db = service.repository().ping();
        String redisStatus;
        boolean serving;
        boolean all;
        if (service.caching()) {
            boolean redis = service.cache().ping();
            redisStatus = redis ? "connected" : "disconnected";
            serving = db || redis;
            all = db && redis;
        } else {
            redisStatus = "not_used";
            serving = db;
            all = db;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", all ? "healthy" : serving ? "degraded" : "unhealthy");
        out.put("redis_status", redisStatus);
        out.put("db_status", db ? "connected" : "disconnected");
        out.put("mode", service.caching() ? "cache" : "no-cache");
        Json.send(ctx, serving ? 200 : 503, out);
    }
}
