package labapp.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the app needs to run, already resolved from flags and environment.
 *
 * <p>{@link #toString()} never shows the database password nor the Redis password: settings
 * are logged at start-up.
 *
 * <pre>{@code
 * Settings s = Settings.builder()
 *         .dbUrl("jdbc:mysql://db.example:3306/ecommerce").dbUser("admin").dbPassword(pw)
 *         .redisUrl("rediss://:token@cache.example:6379").build();
 * }</pre>
 *
 * @param mode which apps to serve
 * @param bindAddress address the HTTP servers listen on
 * @param cachePort port of the cache app (0 picks a free one)
 * @param noCachePort port of the no-cache app (0 picks a free one)
 * @param dbUrl JDBC URL of the MySQL database holding {@code products}
 * @param dbUser database user
 * @param dbPassword database password (never logged)
 * @param redisUrl {@code redis://} or {@code rediss://} (TLS) URL, may carry {@code user:password@}
 * @param redisPassword AUTH password overriding the URL's (never logged), or null
 * @param redisCaFile PEM file of the CA that signed a {@code rediss://} server's certificate, or null
 *                    for the JVM's trust store (enough for ElastiCache)
 * @param ttlSeconds TTL of {@code product:<id>} keys (SETEX)
 * @param redisTimeout connect and read timeout of each Redis call
 * @param redisRetryAfter how long Redis is left alone after a failure before it is tried again
 * @param dbTimeout time to get a database connection before answering 503
 * @param dbPoolSize HikariCP pool size
 * @param missingTtlSeconds how long an id known to be missing is answered 404 without the database
 * @param noCacheConnections pooled or per-request connections for the no-cache app
 */
public record Settings(
        Mode mode, String bindAddress, int cachePort, int noCachePort,
        String dbUrl, String dbUser, String dbPassword,
        String redisUrl, String redisPassword, java.nio.file.Path redisCaFile,
        int ttlSeconds, Duration redisTimeout, Duration redisRetryAfter,
        Duration dbTimeout, int dbPoolSize, int missingTtlSeconds,
        DbConnections noCacheConnections) {

    /** The lab's defaults: both apps on 5001/5000, TTL 3600, a local Redis and MySQL. */
    public static final int DEFAULT_TTL_SECONDS = 3600;

    public Settings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(bindAddress, "bindAddress");
        requirePort(cachePort, "cache port");
        requirePort(noCachePort, "no-cache port");
        if (dbUrl == null || !dbUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "DB_URL must be a JDBC URL such as jdbc:mysql://HOST:3306/ecommerce, not '" + dbUrl + "'");
        }
        Objects.requireNonNull(dbUser, "dbUser");
        dbPassword = dbPassword == null ? "" : dbPassword;
        URI redis = URI.create(Objects.requireNonNull(redisUrl, "redisUrl"));
        if (!"redis".equals(redis.getScheme()) && !"rediss".equals(redis.getScheme())) {
            throw new IllegalArgumentException(
                    "REDIS_URL must start with redis:// or rediss:// (TLS), not '" + redis.getScheme() + "://'");
        }
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("TTL must be a positive number of seconds, not " + ttlSeconds);
        }
        if (dbPoolSize <= 0) {
            throw new IllegalArgumentException("DB pool size must be positive, not " + dbPoolSize);
        }
        Objects.requireNonNull(redisTimeout, "redisTimeout");
        Objects.requireNonNull(redisRetryAfter, "redisRetryAfter");
        Objects.requireNonNull(dbTimeout, "dbTimeout");
        Objects.requireNonNull(noCacheConnections, "noCacheConnections");
    }

    private static void requirePort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, not " + port);
        }
    }

    /** A builder starting from the lab's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The Redis URL with any password replaced by {@code ***}. */
    public String redisUrlRedacted() {
        return Redaction.url(redisUrl);
    }

    @Override
    public String toString() {
        return "Settings[mode=" + mode + ", bind=" + bindAddress + ", cachePort=" + cachePort
                + ", noCachePort=" + noCachePort + ", dbUrl=" + Redaction.url(dbUrl) + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword.isEmpty() ? "(none)" : "***")
                + ", redisUrl=" + redisUrlRedacted()
                + ", redisPassword=" + (redisPassword == null ? "(none)" : "***")
                + ", redisCaFile=" + redisCaFile
                + ", ttlSeconds=" + ttlSeconds + ", redisTimeout=" + redisTimeout.toMillis() + "ms"
                + ", redisRetryAfter=" + redisRetryAfter.toMillis() + "ms"
                + ", dbTimeout=" + dbTimeout.toMillis() + "ms, dbPoolSize=" + dbPoolSize
                + ", missingTtlSeconds=" + missingTtlSeconds + ", noCacheConnections=" + noCacheConnections + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private Mode mode = Mode.BOTH;
        private String bindAddress = "0.0.0.0";
        private int cachePort = 5001;
        private int noCachePort = 5000;
        private String dbUrl = "jdbc:mysql://127.0.0.1:3306/ecommerce";
        private String dbUser = "admin";
        private String dbPassword = "";
        private String redisUrl = "redis://127.0.0.1:6379";
        private String redisPassword;
        private java.nio.file.Path redisCaFile;
        private int ttlSeconds = DEFAULT_TTL_SECONDS;
        private Duration redisTimeout = Duration.ofMillis(500);
        private Duration redisRetryAfter = Duration.ofSeconds(1);
        private Duration dbTimeout = Duration.ofSeconds(1);
        private int dbPoolSize = 16;
        private int missingTtlSeconds = 30;
        private DbConnections noCacheConnections = DbConnections.POOLED;

        Builder() {
        }

        Builder(Settings s) {
            mode = s.mode;
            bindAddress = s.bindAddress;
            cachePort = s.cachePort;
            noCachePort = s.noCachePort;
            dbUrl = s.dbUrl;
            dbUser = s.dbUser;
            dbPassword = s.dbPassword;
            redisUrl = s.redisUrl;
            redisPassword = s.redisPassword;
            redisCaFile = s.redisCaFile;
            ttlSeconds = s.ttlSeconds;
            redisTimeout = s.redisTimeout;
            redisRetryAfter = s.redisRetryAfter;
            dbTimeout = s.dbTimeout;
            dbPoolSize = s.dbPoolSize;
            missingTtlSeconds = s.missingTtlSeconds;
            noCacheConnections = s.noCacheConnections;
        }

        public Builder mode(Mode v) { mode = v; return this; }
        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder cachePort(int v) { cachePort = v; return this; }
        public Builder noCachePort(int v) { noCachePort = v; return this; }
        public Builder dbUrl(String v) { dbUrl = v; return this; }
        public Builder dbUser(String v) { dbUser = v; return this; }
        public Builder dbPassword(String v) { dbPassword = v; return this; }
        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder redisPassword(String v) { redisPassword = v; return this; }
        public Builder redisCaFile(java.nio.file.Path v) { redisCaFile = v; return this; }
        public Builder ttlSeconds(int v) { ttlSeconds = v; return this; }
        public Builder redisTimeout(Duration v) { redisTimeout = v; return this; }
        public Builder redisRetryAfter(Duration v) { redisRetryAfter = v; return this; }
        public Builder dbTimeout(Duration v) { dbTimeout = v; return this; }
        public Builder dbPoolSize(int v) { dbPoolSize = v; return this; }
        public Builder missingTtlSeconds(int v) { missingTtlSeconds = v; return this; }
        public Builder noCacheConnections(DbConnections v) { noCacheConnections = v; return this; }

        public Settings build() {
            return new Settings(mode, bindAddress, cachePort, noCachePort, dbUrl, dbUser, dbPassword,
                    redisUrl, redisPassword, redisCaFile, ttlSeconds, redisTimeout, redisRetryAfter, dbTimeout,
                    dbPoolSize, missingTtlSeconds, noCacheConnections);
        }
    }
}
