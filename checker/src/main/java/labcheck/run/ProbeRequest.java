package labcheck.run;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import labcheck.evidence.SafeUrl;
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

    /** How environment variables holding secrets are conventionally named: DB_PASSWORD, REDIS_AUTH_2. */
    private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /** An empty request, to fill in by name. */
    public static ProbeRequestBuilder builder() {
        return ProbeRequestBuilder.builder();
    }

    /** Builds the probe settings, every target as the user named it, reading passwords from {@code env}. */
    public ProbeSettings settings(Map<String, String> env) {
        String app = httpUrl("the app URL (--app)", appUrl);
        String baseline = baselineUrl != null && !baselineUrl.isBlank()
                ? httpUrl("the no-cache app URL (--baseline)", baselineUrl) : null;
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
                : credentials(blankToNull(redisUser), env, token ? redisPasswordEnv : null, "--redis-password-env");
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
            return DbTarget.of(url, credentials(user, env, dbPasswordEnv, "--db-password-env"));
        }
        if (dbPasswordEnv != null && !dbPasswordEnv.isBlank() && env.get(dbPasswordEnv) != null) {
            // no address: the RDS endpoint may be found in the AWS evidence, then these credentials read it
            return DbTarget.NONE.withCredentials(credentials(user, env, dbPasswordEnv, "--db-password-env"));
        }
        return DbTarget.NONE;
    }

    /** Refuses a URL a newcomer might type without a scheme, with the fix. */
    static String httpUrl(String what, String url) {
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

    /** {@code user} with the password read from {@code variable} (none when no variable is named). */
    private static Credentials credentials(String user, Map<String, String> env, String variable, String flag) {
        if (variable == null || variable.isBlank()) {
            return Credentials.of(user, null);
        }
        String value = env.get(variable);
        if (value == null) {
            throw new IllegalArgumentException(unsetVariable(flag, variable));
        }
        char[] password = value.toCharArray();
        try {
            return Credentials.of(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Why {@code flag}'s variable cannot be read. The name is quoted only when it looks like one
     * (DB_PASSWORD): anything else may be the password itself, typed where its variable's name belongs.
     */
    static String unsetVariable(String flag, String variable) {
        if (CONVENTIONAL_NAME.matcher(variable).matches()) {
            return flag + ": the variable " + variable + " is not set. Fix: export " + variable + "=... before"
                    + " running labcheck (read -s " + variable + " keeps it off the screen).";
        }
        return flag + " must name an environment variable such as DB_PASSWORD, and what was given is not one"
                + " (not shown: it may be the password itself). Fix: read -s DB_PASSWORD; export DB_PASSWORD;"
                + " then pass " + flag + " DB_PASSWORD.";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
