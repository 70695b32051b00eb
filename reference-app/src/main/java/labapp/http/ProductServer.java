package labapp.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import labapp.product.CacheUnavailableException;
import labapp.product.DatabaseUnavailableException;
import labapp.product.ProductNotFoundException;
import labapp.product.ProductService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the lab's two apps on its own port: the routes of {@link ProductRoutes} and
 * {@link StatusRoutes}, with every error answered as JSON.
 *
 * <pre>{@code
 * try (ProductServer s = ProductServer.start(ProductService.direct(repo), "127.0.0.1", 0)) {
 *     String url = s.url();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class ProductServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductServer.class);
    private final Javalin app;
    private final String host;

    private ProductServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Serves {@code service} on {@code host:port} (port 0 = any free port). */
    public static ProductServer start(ProductService service, String host, int port) {
        ProductRoutes products = new ProductRoutes(service);
        StatusRoutes status = new StatusRoutes(service);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            // Answers are a few hundred bytes of JSON: compressing them costs more than it saves.
            config.http.disableCompression();
        });
        app.get("/product/{id}", products::get);
        app.put("/product/{id}", products::put);
        app.delete("/product/{id}", products::delete);
        app.post("/cache/warm", products::warm);
        app.get("/stats", status::stats);
        app.get("/health", status::health);
        app.exception(ApiError.class, (e, ctx) -> Json.error(ctx, e.status(), e.getMessage(), Map.of()));
        app.exception(ProductNotFoundException.class, (e, ctx) -> notFound(ctx, e));
        app.exception(DatabaseUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            Json.error(ctx, 503, "database unavailable; try again shortly", Map.of());
        });
        app.exception(CacheUnavailableException.class, (e, ctx) ->
                Json.error(ctx, 503, "Redis unavailable; try again shortly", Map.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> Json.error(ctx, e.getStatus(), e.getMessage(), Map.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), Map.of());
        });
        app.error(404, ctx -> unmatched(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
        app.error(405, ctx -> unmatched(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path()));
        app.start(host, port);
        return new ProductServer(app, host);
    }

    private static void notFound(Context ctx, ProductNotFoundException e) {
        // "product": null keeps clients written for the seed (which answered {"product": null}) working.
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put("product", null);
        Json.error(ctx, 404, e.getMessage(), extra);
    }

    private static void unmatched(Context ctx, int status, String message) {
        if (ctx.attribute(Json.ERROR_WRITTEN) == null) {
            Json.error(ctx, status, message, Map.of());
        }
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT}, with 127.0.0.1 for a wildcard bind. */
    public String url() {
        String h = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return "http://" + h + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
