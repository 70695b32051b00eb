package labcheck.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import labcheck.evidence.SafeUrl;

/**
 * What to probe and how hard. Passwords stay in memory only and never appear in
 * {@link #toString()} or in evidence.
 *
 * <pre>{@code
 * ProbeSettings s = ProbeSettings.builder()
 *     .appUrl("http://127.0.0.1:8081").baselineUrl("http://127.0.0.1:8080")
 *     .redis("127.0.0.1", 6380, false, null, null)
 *     .db("jdbc:mysql://127.0.0.1:3307/ecommerce", "grader", passwordChars)
 *     .requestsPerApp(100).concurrency(0).budget(Duration.ofSeconds(60)).sourceFile(null)
 *     .build();
 * }</pre>
 */
public final class ProbeSettings {

    /** The most requests the load test keeps in flight (the lab's extension asks for 1000). */
    public static final int MAX_CONCURRENCY = 1000;

    private final String appUrl;
    private final String baselineUrl;
    private final String redisHost;
    private final int redisPort;
    private final boolean redisTls;
    private final String redisUser;
    private final char[] redisPassword;
    private final String dbUrl;
    private final String dbUser;
    private final char[] dbPassword;
    private final int requestsPerApp;
    private final int warmupPerApp;
    private final int lazyIds;
    private final int maxProductId;
    private final int concurrency;
    private final Duration loadDuration;
    private final Duration budget;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final boolean writeProbes;
    private final Path sourceFile;
    private final SourceText sourceText;
    private final RemoteTimer remoteTimer;
    private final Map<String, String> blocked;

    private ProbeSettings(Builder b) {
        appUrl = requireHttpUrl(b.appUrl, "appUrl");
        baselineUrl = b.baselineUrl == null ? null : requireHttpUrl(b.baselineUrl, "baselineUrl");
        redisHost = b.redisHost;
        redisPort = b.redisPort;
        redisTls = b.redisTls;
        redisUser = b.redisUser;
        redisPassword = b.redisPassword == null ? null : b.redisPassword.clone();
        dbUrl = b.dbUrl;
        dbUser = b.dbUser;
        dbPassword = b.dbPassword == null ? null : b.dbPassword.clone();
        requestsPerApp = requireRange(b.requestsPerApp, 5, 100_000, "requestsPerApp");
        warmupPerApp = requireRange(b.warmupPerApp, 0, 10_000, "warmupPerApp");
        lazyIds = requireRange(b.lazyIds, 1, 100, "lazyIds");
        maxProductId = requireRange(b.maxProductId, 10, Integer.MAX_VALUE, "maxProductId");
        concurrency = requireRange(b.concurrency, 0, MAX_CONCURRENCY, "concurrency");
        loadDuration = requirePositive(b.loadDuration, "loadDuration");
        budget = requirePositive(b.budget, "budget");
        requestTimeout = requirePositive(b.requestTimeout, "requestTimeout");
        connectTimeout = requirePositive(b.connectTimeout, "connectTimeout");
        maxBodyBytes = requireRange(b.maxBodyBytes, 1024, 64 << 20, "maxBodyBytes");
        writeProbes = b.writeProbes;
        sourceFile = b.sourceFile;
        sourceText = b.sourceText;
        remoteTimer = b.remoteTimer;
        blocked = Map.copyOf(b.blocked);
        if (redisHost != null) {
            requireRange(redisPort, 1, 65535, "redis port");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String requireHttpUrl(String url, String name) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException(name + " must be an http:// or https:// URL, was: " + url);
        }
        return url;
    }

    private static int requireRange(int v, int lo, int hi, String name) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", was " + v);
        }
        return v;
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
        return d;
    }

    public String appUrl() {
        return appUrl;
    }

    public String baselineUrl() {
        return baselineUrl;
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    public boolean redisTls() {
        return redisTls;
    }

    public String redisUser() {
        return redisUser;
    }

    /** A copy; the caller should clear it after use. */
    char[] redisPassword() {
        return redisPassword == null ? null : redisPassword.clone();
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    char[] dbPassword() {
        return dbPassword == null ? null : dbPassword.clone();
    }

    public int requestsPerApp() {
        return requestsPerApp;
    }

    public int warmupPerApp() {
        return warmupPerApp;
    }

    public int lazyIds() {
        return lazyIds;
    }

    public int maxProductId() {
        return maxProductId;
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration loadDuration() {
        return loadDuration;
    }

    public Duration budget() {
        return budget;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean writeProbes() {
        return writeProbes;
    }

    public Path sourceFile() {
        return sourceFile;
    }

    /** The source read from elsewhere (the instance), or null. */
    public SourceText sourceText() {
        return sourceText;
    }

    /** Times the timing comparison's requests elsewhere (on the instance), or null: this host does. */
    public RemoteTimer remoteTimer() {
        return remoteTimer;
    }

    /** Why {@code part} ("baseline", "redis" or "db") cannot be reached, or null when it can be tried. */
    public String blocked(String part) {
        return blocked.get(part);
    }

    /** A builder holding these settings (passwords copied), to change where the parts are reached. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.appUrl = appUrl;
        b.baselineUrl = baselineUrl;
        b.redisHost = redisHost;
        b.redisPort = redisPort;
        b.redisTls = redisTls;
        b.redisUser = redisUser;
        b.redisPassword = redisPassword();
        b.dbUrl = dbUrl;
        b.dbUser = dbUser;
        b.dbPassword = dbPassword();
        b.requestsPerApp = requestsPerApp;
        b.warmupPerApp = warmupPerApp;
        b.lazyIds = lazyIds;
        b.maxProductId = maxProductId;
        b.concurrency = concurrency;
        b.loadDuration = loadDuration;
        b.budget = budget;
        b.requestTimeout = requestTimeout;
        b.connectTimeout = connectTimeout;
        b.maxBodyBytes = maxBodyBytes;
        b.writeProbes = writeProbes;
        b.sourceFile = sourceFile;
        b.sourceText = sourceText;
        b.remoteTimer = remoteTimer;
        b.blocked.putAll(blocked);
        return b;
    }

    /** Clears the passwords held in memory. */
    public void clearSecrets() {
        if (redisPassword != null) {
            Arrays.fill(redisPassword, '\0');
        }
        if (dbPassword != null) {
            Arrays.fill(dbPassword, '\0');
        }
    }

    @Override
    public String toString() {
        return "ProbeSettings[app=" + appUrl + ", baseline=" + baselineUrl + ", redis="
                + (redisHost == null ? "none" : redisHost + ":" + redisPort + (redisTls ? " tls" : ""))
                + ", db=" + (dbUrl == null ? "none" : SafeUrl.strip(dbUrl))
                + ", requestsPerApp=" + requestsPerApp + ", concurrency=" + concurrency + ", budget=" + budget + "]";
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private String appUrl;
        private String baselineUrl;
        private String redisHost;
        private int redisPort = 6379;
        private boolean redisTls;
        private String redisUser;
        private char[] redisPassword;
        private String dbUrl;
        private String dbUser;
        private char[] dbPassword;
        private int requestsPerApp = 100;
        private int warmupPerApp = 10;
        private int lazyIds = 5;
        private int maxProductId = 1005;
        private int concurrency;
        private Duration loadDuration = Duration.ofSeconds(10);
        private Duration budget = Duration.ofSeconds(60);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(3);
        private int maxBodyBytes = 256 * 1024;
        private boolean writeProbes = true;
        private Path sourceFile;
        private SourceText sourceText;
        private RemoteTimer remoteTimer;
        private final Map<String, String> blocked = new TreeMap<>();

        private Builder() {
        }

        /** Moves Redis to another address (a forward), keeping its TLS, user and password. */
        public Builder redisAddress(String host, int port) {
            redisHost = Objects.requireNonNull(host, "redis host");
            redisPort = port;
            return this;
        }

        /**
         * The database account without an address yet (the endpoint is found later, in RDS);
         * {@code password} is copied and kept in memory only.
         */
        public Builder dbCredentials(String user, char[] password) {
            dbUser = user;
            dbPassword = password == null ? null : password.clone();
            return this;
        }

        /**
         * The Redis AUTH account without an address yet (the endpoint is found later, in ElastiCache);
         * {@code password} is copied and kept in memory only.
         */
        public Builder redisCredentials(String user, char[] password) {
            redisUser = user;
            redisPassword = password == null ? null : password.clone();
            return this;
        }

        /** Redis at this address, keeping the AUTH user and password already set. */
        public Builder redisAddress(String host, int port, boolean tls) {
            redisHost = Objects.requireNonNull(host, "redis host");
            redisPort = port;
            redisTls = tls;
            return this;
        }

        /** Moves the database to another JDBC URL (a forward), keeping its user and password. */
        public Builder dbAddress(String jdbcUrl) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("db URL must start with jdbc:, was: " + SafeUrl.strip(jdbcUrl));
            }
            dbUrl = jdbcUrl;
            return this;
        }

        /** The source as read from elsewhere (the instance); wins over {@link #sourceFile(Path)}. */
        public Builder sourceText(SourceText v) {
            sourceText = v;
            return this;
        }

        /** Times the timing comparison elsewhere; null times it from this host. */
        public Builder remoteTimer(RemoteTimer v) {
            remoteTimer = v;
            return this;
        }

        /**
         * Marks {@code part} ("baseline", "redis" or "db") as unreachable, for {@code why} (one
         * sentence with the fix); its evidence is then unavailable with that reason.
         */
        public Builder blocked(String part, String why) {
            if (!java.util.Set.of("baseline", "redis", "db").contains(part)) {
                throw new IllegalArgumentException("part must be baseline, redis or db, was: " + part);
            }
            blocked.put(part, Objects.requireNonNull(why, "why"));
            return this;
        }

        public Builder appUrl(String v) {
            appUrl = v;
            return this;
        }

        public Builder baselineUrl(String v) {
            baselineUrl = v;
            return this;
        }

        /** Redis to read keys from; {@code password} is copied and kept in memory only. */
        public Builder redis(String host, int port, boolean tls, String user, char[] password) {
            redisHost = Objects.requireNonNull(host, "redis host");
            redisPort = port;
            redisTls = tls;
            redisUser = user;
            redisPassword = password == null ? null : password.clone();
            return this;
        }

        /** A read-only database account; {@code password} is copied and kept in memory only. */
        public Builder db(String jdbcUrl, String user, char[] password) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("db URL must start with jdbc:, was: " + SafeUrl.strip(jdbcUrl));
            }
            dbUrl = jdbcUrl;
            dbUser = user;
            dbPassword = password == null ? null : password.clone();
            return this;
        }

        public Builder requestsPerApp(int v) {
            requestsPerApp = v;
            return this;
        }

        public Builder warmupPerApp(int v) {
            warmupPerApp = v;
            return this;
        }

        /** How many not-yet-cached ids the lazy-loading probe requests (default 5). */
        public Builder lazyIds(int v) {
            lazyIds = v;
            return this;
        }

        /** The highest product id assumed to exist when the database cannot be asked (default 1005). */
        public Builder maxProductId(int v) {
            maxProductId = v;
            return this;
        }

        /** Requests in flight for the load test; 0 skips it. */
        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder loadDuration(Duration v) {
            loadDuration = v;
            return this;
        }

        /** The whole probe's time budget (default 60 s); no app can hold the probe past it. */
        public Builder budget(Duration v) {
            budget = v;
            return this;
        }

        /** One request's limit, headers and body together (default 5 s). */
        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /** Bytes read of one body at most (default 256 KiB). */
        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        /** Whether to try PUT and DELETE (they change data, then put it back). Default true. */
        public Builder writeProbes(boolean v) {
            writeProbes = v;
            return this;
        }

        public Builder sourceFile(Path v) {
            sourceFile = v;
            return this;
        }

        public ProbeSettings build() {
            return new ProbeSettings(this);
        }
    }
}
