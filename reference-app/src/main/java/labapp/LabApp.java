package labapp;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import labapp.backends.ConnectionSource;
import labapp.backends.Databases;
import labapp.backends.RedisConnector;
import labapp.config.DbConnections;
import labapp.config.Mode;
import labapp.config.Settings;
import labapp.http.ProductServer;
import labapp.product.ProductCache;
import labapp.product.ProductRepository;
import labapp.product.ProductService;
import redis.clients.jedis.JedisPool;

/**
 * The running app: one or both of the lab's apps, each with its own connection pool, on the
 * ports of {@link Settings}. It starts even while Redis or MySQL is down and recovers when they
 * come back.
 *
 * <pre>{@code
 * try (LabApp app = LabApp.start(settings)) {
 *     System.out.println(app.cacheUrl() + " " + app.baselineUrl());
 * }
 * }</pre>
 */
public final class LabApp implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ProductServer cacheServer;
    private ProductServer noCacheServer;
    private ProductService cacheService;
    private ProductService noCacheService;
    private HikariDataSource cachePool;
    private HikariDataSource noCachePool;

    private LabApp() {
    }

    /** Starts the apps {@code settings.mode()} names. */
    public static LabApp start(Settings settings) {
        LabApp app = new LabApp();
        try {
            for (Mode m : settings.mode().apps()) {
                if (m == Mode.CACHE) {
                    app.startCache(settings);
                } else {
                    app.startNoCache(settings);
                }
            }
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startCache(Settings s) {
        cachePool = keep(Databases.pool(s, "cache-app"));
        JedisPool redis = keep(RedisConnector.pool(s));
        ProductCache cache = new ProductCache(redis, s.ttlSeconds(), s.redisRetryAfter());
        cacheService = ProductService.cached(new ProductRepository(cachePool::getConnection), cache, s.missingTtlSeconds());
        cacheServer = keep(ProductServer.start(cacheService, s.bindAddress(), s.cachePort()));
    }

    private void startNoCache(Settings s) {
        ConnectionSource source;
        if (s.noCacheConnections() == DbConnections.PER_REQUEST) {
            source = Databases.perRequest(s);
        } else {
            noCachePool = keep(Databases.pool(s, "no-cache-app"));
            source = noCachePool::getConnection;
        }
        noCacheService = ProductService.direct(new ProductRepository(source));
        noCacheServer = keep(ProductServer.start(noCacheService, s.bindAddress(), s.noCachePort()));
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /** {@code http://host:port} of the cache app, or null when not running. */
    public String cacheUrl() {
        return cacheServer == null ? null : cacheServer.url();
    }

    /** {@code http://host:port} of the no-cache app, or null when not running. */
    public String baselineUrl() {
        return noCacheServer == null ? null : noCacheServer.url();
    }

    public ProductService cacheService() {
        return cacheService;
    }

    public ProductService noCacheService() {
        return noCacheService;
    }

    /** The cache app's pool (to watch for leaked connections), or null. */
    public HikariDataSource cachePool() {
        return cachePool;
    }

    /** The no-cache app's pool, or null when it is not running or uses per-request connections. */
    public HikariDataSource noCachePool() {
        return noCachePool;
    }

    /** Stops the servers first (no new requests), then the pools. */
    @Override
    public void close() {
        RuntimeException first = null;
        List<AutoCloseable> servers = new ArrayList<>();
        List<AutoCloseable> rest = new ArrayList<>();
        for (AutoCloseable r : resources) {
            (r instanceof ProductServer ? servers : rest).add(r);
        }
        servers.addAll(rest);
        for (AutoCloseable r : servers) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + r.getClass().getSimpleName() + " failed", e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
