package labcheck.run;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import labcheck.evidence.SafeUrl;
import labcheck.probe.ProbeSettings;

/**
 * What the user said about the app to probe, as text (flags, a roster row, labcheck.yaml),
 * turned into {@link ProbeSettings} with every mistake explained. Passwords are never part
 * of it: only the names of the environment variables that hold them.
 *
 * <pre>{@code
 * ProbeSettings s = new ProbeRequest("http://3.1.2.3:5001", "http://3.1.2.3:5000", "127.0.0.1:6379", null,
 *         null, null, null, null, 100, 0, Duration.ofSeconds(120), null).settings(System.getenv());
 * }</pre>
 */
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
        boolean noWrites) {

    /** A request whose probe may send the bonus checks' PUT and DELETE (restoring the data afterwards). */
    public ProbeRequest(String appUrl, String baselineUrl, String redis, String redisUser, String redisPasswordEnv,
                        String dbUrl, String dbUser, String dbPasswordEnv, int requestsPerApp, int concurrency,
                        Duration budget, Path sourceFile) {
        this(appUrl, baselineUrl, redis, redisUser, redisPasswordEnv, dbUrl, dbUser, dbPasswordEnv, requestsPerApp,
                concurrency, budget, sourceFile, false);
    }

    /** How environment variables holding secrets are conventionally named: DB_PASSWORD, REDIS_AUTH_2. */
    private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /** Builds the probe settings, reading passwords from {@code env} by the names given. */
    public ProbeSettings settings(Map<String, String> env) {
        ProbeSettings.Builder b = ProbeSettings.builder()
                .appUrl(httpUrl("the app URL (--app)", appUrl))
                .requestsPerApp(requestsPerApp)
                .concurrency(concurrency)
                .budget(budget)
                .writeProbes(!noWrites);
        if (baselineUrl != null && !baselineUrl.isBlank()) {
            b.baselineUrl(httpUrl("the no-cache app URL (--baseline)", baselineUrl));
        }
        if (redis != null && !redis.isBlank()) {
            RedisTarget t = RedisTarget.parse(redis);
            b.redis(t.host(), t.port(), t.tls(), blankToNull(redisUser),
                    secret(env, redisPasswordEnv, "--redis-password-env"));
        } else if (redisPasswordEnv != null && !redisPasswordEnv.isBlank() && env.get(redisPasswordEnv) != null) {
            // no address: the cache endpoint may be found in the AWS evidence, then this AUTH token reads it
            b.redisCredentials(blankToNull(redisUser), secret(env, redisPasswordEnv, "--redis-password-env"));
        }
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
            b.db(url, blankToNull(dbUser) == null ? "admin" : dbUser, secret(env, dbPasswordEnv, "--db-password-env"));
        } else if (dbPasswordEnv != null && !dbPasswordEnv.isBlank() && env.get(dbPasswordEnv) != null) {
            // no address: the RDS endpoint may be found in the AWS evidence, then these credentials read it
            b.dbCredentials(blankToNull(dbUser) == null ? "admin" : dbUser.trim(), env.get(dbPasswordEnv).toCharArray());
        }
        if (sourceFile != null) {
            if (!Files.isRegularFile(sourceFile)) {
                throw new IllegalArgumentException("--source " + sourceFile + " is not a file. Fix: give the path of"
                        + " the app's source, e.g. app_with_cache.py.");
            }
            b.sourceFile(sourceFile);
        }
        return b.build();
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

    private static char[] secret(Map<String, String> env, String variable, String flag) {
        if (variable == null || variable.isBlank()) {
            return null;
        }
        String value = env.get(variable);
        if (value == null) {
            throw new IllegalArgumentException(unsetVariable(flag, variable));
        }
        return value.toCharArray();
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
