package labapp;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import labapp.backends.DatabaseServer;
import labapp.backends.Databases;
import labapp.backends.DbAccounts;
import labapp.backends.EmbeddedMariaDb;
import labapp.backends.FreePorts;
import labapp.backends.RedisProcess;
import labapp.backends.SystemMariaDb;
import labapp.config.DbConnections;
import labapp.config.Mode;
import labapp.config.Settings;
import labapp.product.SeedData;

/**
 * The whole lab on one machine, in-process: Redis and MariaDB on free ports, the 1005 seed
 * products, and both apps on free ports (below 32768) of 127.0.0.1. {@link #close()} stops everything it
 * started (apps, pools, Redis, MariaDB) and removes their files.
 *
 * <pre>{@code
 * try (EmbeddedLab lab = EmbeddedLab.start()) {
 *     lab.cacheUrl();      // "http://127.0.0.1:PORT", the cache app
 *     lab.baselineUrl();   // the no-cache app
 *     lab.redisHost(); lab.redisPort();
 *     lab.jdbcUrl(); lab.dbUser(); lab.dbPassword();   // read-only account for a grader
 * }
 * }</pre>
 */
public final class EmbeddedLab implements AutoCloseable {
    private final Options options;
    private RedisProcess redis;
    private DatabaseServer database;
    private LabApp app;
    private Settings settings;

    private EmbeddedLab(Options options) {
        this.options = options;
    }

    /** Starts the lab with the lab's defaults (TTL 3600, embedded servers). */
    public static EmbeddedLab start() {
        return start(Options.defaults());
    }

    /** Starts the lab with these options. */
    public static EmbeddedLab start(Options options) {
        EmbeddedLab lab = new EmbeddedLab(java.util.Objects.requireNonNull(options, "options"));
        try {
            lab.boot();
            return lab;
        } catch (IOException | SQLException | RuntimeException e) {
            lab.close();
            throw new IllegalStateException("the embedded lab did not start: " + e.getMessage(), e);
        }
    }

    private void boot() throws IOException, SQLException {
        String redisPassword = options.redisPassword();
        redis = options.systemServers()
                ? RedisProcess.system(Path.of("/usr/bin/redis-server"), FreePorts.pick(), redisPassword)
                : RedisProcess.embedded(FreePorts.pick(), redisPassword);
        DbAccounts accounts = DbAccounts.random();
        database = options.systemServers()
                ? SystemMariaDb.start(options.dataRoot(), FreePorts.pick(), accounts)
                : EmbeddedMariaDb.start(FreePorts.pick(), accounts);
        settings = Settings.builder()
                .mode(options.mode())
                .bindAddress(options.bindAddress())
                .cachePort(options.cachePort() == 0 ? FreePorts.pick() : options.cachePort())
                .noCachePort(options.noCachePort() == 0 ? FreePorts.pick() : options.noCachePort())
                .dbUrl(database.jdbcUrl())
                .dbUser(accounts.appUser())
                .dbPassword(accounts.appPassword())
                .redisUrl(redis.url())
                .ttlSeconds(options.ttlSeconds())
                .redisTimeout(options.redisTimeout())
                .redisRetryAfter(options.redisRetryAfter())
                .noCacheConnections(options.noCacheConnections())
                .build();
        seed();
        app = LabApp.start(settings);
    }

    /**
     * Extension 2, cache warming: caches the {@code n} most viewed products in the cache app's
     * Redis, as {@code --warm N} does at start-up.
     *
     * @return the ids warmed, most viewed first
     */
    public java.util.List<Integer> warm(int n) {
        return app.cacheService().warm(n);
    }

    /** Puts the 1005 seed products back (the embedded database starts empty). */
    public int seed() throws SQLException {
        try (Connection c = Databases.connect(settings)) {
            return SeedData.apply(c);
        }
    }

    public String cacheUrl() {
        return app.cacheUrl();
    }

    public String baselineUrl() {
        return app.baselineUrl();
    }

    public String redisHost() {
        return redis.host();
    }

    public int redisPort() {
        return redis.port();
    }

    /** The Redis password (AUTH), or null when Redis has none (the default). */
    public String redisPassword() {
        return options.redisPassword();
    }

    /** {@code jdbc:mysql://127.0.0.1:PORT/ecommerce}. */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** A read-only account (SELECT on {@code ecommerce}) for a grader. */
    public String dbUser() {
        return database.accounts().readerUser();
    }

    public String dbPassword() {
        return database.accounts().readerPassword();
    }

    /** The settings the apps run with (the app account; its password is redacted in toString). */
    public Settings settings() {
        return settings;
    }

    /** The running apps. */
    public LabApp app() {
        return app;
    }

    /** The Redis process, to stop, start, freeze or thaw it (fault tests, demos). */
    public RedisProcess redis() {
        return redis;
    }

    /** The database server, to stop and start it (fault tests, demos). */
    public DatabaseServer database() {
        return database;
    }

    /** Stops the apps, then Redis and the database; safe to call twice. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable c : new AutoCloseable[] {app, redis, database}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the embedded lab failed: " + e.getMessage(), e);
                }
            }
        }
        app = null;
        redis = null;
        database = null;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * How to start the lab.
     *
     * @param ttlSeconds TTL of cached products
     * @param systemServers use Debian's {@code /usr/bin/redis-server} and {@code mariadbd} instead of the jars'
     * @param dataRoot where a system MariaDB keeps its datadir
     * @param redisPassword a Redis AUTH password, or null
     * @param mode which apps to start
     * @param bindAddress where the apps listen
     * @param cachePort cache app port (0 = free)
     * @param noCachePort no-cache app port (0 = free)
     * @param redisTimeout Redis connect/read timeout
     * @param redisRetryAfter pause after a Redis failure
     * @param noCacheConnections pooled or per-request for the no-cache app
     */
    public record Options(int ttlSeconds, boolean systemServers, Path dataRoot, String redisPassword,
                          Mode mode, String bindAddress, int cachePort, int noCachePort,
                          Duration redisTimeout, Duration redisRetryAfter, DbConnections noCacheConnections) {

        /**
         * TTL 3600, embedded servers, both apps on free ports of 127.0.0.1, and the no-cache app
         * opening a connection per request as the seed's {@code app_no_cache.py} does: against a
         * database on the same machine a pooled baseline is about as fast as a cache hit, and the
         * lab's improvement figure would then measure the machine's noise, not the cache.
         */
        public static Options defaults() {
            return new Options(Settings.DEFAULT_TTL_SECONDS, false, Path.of("target", "labapp-servers"), null,
                    Mode.BOTH, "127.0.0.1", 0, 0, Duration.ofMillis(500), Duration.ofSeconds(1),
                    DbConnections.PER_REQUEST);
        }

        public Options withTtlSeconds(int v) {
            return new Options(v, systemServers, dataRoot, redisPassword, mode, bindAddress, cachePort, noCachePort,
                    redisTimeout, redisRetryAfter, noCacheConnections);
        }

        /** Debian's redis-server 7 and mariadbd 10.11, with the datadir under {@code dataRoot}. */
        public Options withSystemServers(Path root) {
            return new Options(ttlSeconds, true, root, redisPassword, mode, bindAddress, cachePort, noCachePort,
                    redisTimeout, redisRetryAfter, noCacheConnections);
        }

        public Options withRedisPassword(String v) {
            return new Options(ttlSeconds, systemServers, dataRoot, v, mode, bindAddress, cachePort, noCachePort,
                    redisTimeout, redisRetryAfter, noCacheConnections);
        }

        public Options withPorts(String bind, int cache, int noCache) {
            return new Options(ttlSeconds, systemServers, dataRoot, redisPassword, mode, bind, cache, noCache,
                    redisTimeout, redisRetryAfter, noCacheConnections);
        }

        public Options withRedisTimeouts(Duration timeout, Duration retryAfter) {
            return new Options(ttlSeconds, systemServers, dataRoot, redisPassword, mode, bindAddress, cachePort,
                    noCachePort, timeout, retryAfter, noCacheConnections);
        }

        public Options withNoCacheConnections(DbConnections v) {
            return new Options(ttlSeconds, systemServers, dataRoot, redisPassword, mode, bindAddress, cachePort,
                    noCachePort, redisTimeout, redisRetryAfter, v);
        }
    }
}
