package labcheck.run;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.SecretVariable;
import labcheck.probe.Apps;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.Limits;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.probe.Source;

/**
 * What the user said about the app to probe, as text (flags, a roster row, labcheck.yaml),
 * turned into {@link ProbeSettings} with every mistake explained. Passwords are never part
 * of it: only the names of the environment variables that hold them. Built by name:
 *
 * <pre>{@code
 * ProbeSettings s = ProbeRequest.builder().appUrl("http://3.1.2.3:5001").baselineUrl("http://3.1.2.3:5000")
 *         .redis("127.0.0.1:6379").requestsPerApp(100).budget(Duration.ofSeconds(120))
 *         .build().settings(System.getenv());
 * }</pre>
 *
 * @param appUrl           the cache app ({@code --app}), required
 * @param baselineUrl      the no-cache app ({@code --baseline}), or null
 * @param redis            {@code host:port}, {@code redis://} or {@code rediss://} ({@code --redis}), or null
 * @param redisUser        the Redis ACL user, or null
 * @param redisPasswordEnv the variable holding the Redis AUTH token, or null
 * @param dbUrl            {@code jdbc:mysql://HOST:3306/ecommerce} ({@code --db-url}), or null
 * @param dbUser           the database user, or null for {@code admin}
 * @param dbPasswordEnv    the variable holding the database password, or null
 * @param requestsPerApp   requests per app in the timing comparison
 * @param concurrency      requests in flight for the load test; 0 skips it
 * @param budget           the probe's time budget
 * @param sourceFile       the app's source on this host, or null
 * @param noWrites         true: never send PUT or DELETE
 * @param resetCachedKeys  true: when every product chosen is cached, the probe may delete a few of the app's
 *                         product keys to observe a miss (the rubric's {@code resetCachedProductKeys})
 */
@RecordBuilder
public record ProbeRequest(
        String appUrl,
        String baselineUrl,
        String redis,
        String redisUser,
        String redisPasswordEnv,
        String dbUrl,
        String dbUser,
        String dbPasswordEnv,
        int requestsPerApp,
        int concurrency,
        Duration budget,
        Path sourceFile,
        boolean noWrites,
        boolean resetCachedKeys) {

    private static final SecretVariable DB_PASSWORD = SecretVariable.password("--db-password-env");
    private static final SecretVariable REDIS_TOKEN = SecretVariable.token("--redis-password-env");

    /** An empty request, to fill in by name. */
    public static ProbeRequestBuilder builder() {
        return ProbeRequestBuilder.builder();
    }

    /** Builds the probe settings, every target as the user named it, reading passwords from {@code env}. */
    public ProbeSettings settings(Map<String, String> env) {
        // a password typed where its variable's name belongs is refused even when nothing would read it
        if (dbPasswordEnv != null && !dbPasswordEnv.isBlank()) {
            DB_PASSWORD.requireName(dbPasswordEnv);
        }
        if (redisPasswordEnv != null && !redisPasswordEnv.isBlank()) {
            REDIS_TOKEN.requireName(redisPasswordEnv);
        }
        String app = httpUrl("the app URL (--app)", appUrl, 5001);
        String baseline = baselineUrl != null && !baselineUrl.isBlank()
                ? httpUrl("the no-cache app URL (--baseline)", baselineUrl, 5000) : null;
        RedisTarget redisTarget = redisTarget(env);
        DbTarget db = dbTarget(env);
        Source source = Source.NONE;
        if (sourceFile != null) {
            if (!Files.isRegularFile(sourceFile)) {
                throw new IllegalArgumentException("--source " + sourceFile + " is not a file. Fix: give the path of"
                        + " the app's source, e.g. app_with_cache.py.");
            }
            source = Source.ofFile(sourceFile);
        }
        Limits limits = Limits.DEFAULTS.withRequestsPerApp(requestsPerApp).withConcurrency(concurrency)
                .withBudget(budget).withWriteProbes(!noWrites).withResetKeys(resetCachedKeys);
        return new ProbeSettings(Apps.of(app, baseline), redisTarget, db, limits, source);
    }

    private RedisTarget redisTarget(Map<String, String> env) {
        RedisTarget given = redis != null && !redis.isBlank() ? RedisTarget.parse(redis) : null;
        // without an address the cache endpoint may be found in the AWS evidence, then this AUTH token reads it
        boolean token = redisPasswordEnv != null && !redisPasswordEnv.isBlank()
                && (given != null || env.get(redisPasswordEnv) != null);
        Credentials account = given == null && !token ? null
                : credentials(blankToNull(redisUser), env, token ? redisPasswordEnv : null, REDIS_TOKEN);
        return (given == null ? RedisTarget.NONE : given).withCredentials(account);
    }

    private DbTarget dbTarget(Map<String, String> env) {
        String user = blankToNull(dbUser) == null ? "admin" : dbUser.trim();
        if (dbUrl != null && !dbUrl.isBlank()) {
            String url = dbUrl.trim();
            if (!url.startsWith("jdbc:mysql://") && !url.startsWith("jdbc:mariadb://")) {
                throw new IllegalArgumentException("the database URL '" + SafeUrl.strip(url) + "' is not a MySQL JDBC"
                        + " URL. Fix: give jdbc:mysql://HOST:3306/ecommerce.");
            }
            if (!SafeUrl.strip(url).equals(url) || url.contains("(") || url.contains("=")) {
                throw new IllegalArgumentException("the database URL carries credentials or parameters. Fix: give"
                        + " jdbc:mysql://HOST:3306/ecommerce, the user with --db-user and the password's variable"
                        + " with --db-password-env.");
            }
            return DbTarget.of(url, credentials(user, env, dbPasswordEnv, DB_PASSWORD));
        }
        if (dbPasswordEnv != null && !dbPasswordEnv.isBlank() && env.get(dbPasswordEnv) != null) {
            // no address: the RDS endpoint may be found in the AWS evidence, then these credentials read it
            return DbTarget.NONE.withCredentials(credentials(user, env, dbPasswordEnv, DB_PASSWORD));
        }
        return DbTarget.NONE;
    }

    /** Refuses a URL a newcomer might type without a scheme, or with a port no server listens on, with the fix. */
    static String httpUrl(String what, String url, int usualPort) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " is missing. Fix: give it as http://HOST:PORT, e.g."
                    + " http://3.80.1.2:5001.");
        }
        String u = url.trim();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (u.contains("@")) {
                throw new IllegalArgumentException(what + " carries credentials (user:password@) and has no scheme."
                        + " Fix: write http://" + SafeUrl.strip(u) + "; labcheck never needs credentials in a URL.");
            }
            throw new IllegalArgumentException(what + " '" + SafeUrl.strip(u) + "' has no scheme. Fix: write http://"
                    + SafeUrl.strip(u) + ".");
        }
        // HTTP:// as a spreadsheet capitalises it: the scheme is case-insensitive (RFC 3986), the probe is not
        u = lower.substring(0, lower.indexOf(':')) + u.substring(u.indexOf(':'));
        String port = SafeUrl.portProblem(what, u, usualPort);
        if (port != null) {
            throw new IllegalArgumentException(port);
        }
        URI parsed;
        try {
            parsed = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + SafeUrl.strip(u) + "' is not a valid URL.");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException(what + " '" + SafeUrl.strip(u) + "' has no host. Fix: write"
                    + " http://HOST:PORT.");
        }
        if (parsed.getUserInfo() != null) {
            throw new IllegalArgumentException(what + " carries credentials; labcheck never needs them in a URL.");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " '" + SafeUrl.strip(u) + "' carries a query or fragment (not"
                    + " shown: it may hold a token). Fix: give only http://HOST:PORT; labcheck adds the paths itself.");
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /**
     * {@code user} with the secret read from {@code variable} (none when no variable is named); what was
     * given is checked as a variable's name first, so a password typed there is refused, never printed.
     */
    private static Credentials credentials(String user, Map<String, String> env, String variable,
                                           SecretVariable rule) {
        if (variable == null || variable.isBlank()) {
            return Credentials.of(user, null);
        }
        char[] password = rule.read(variable, env).toCharArray();
        try {
            return Credentials.of(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
