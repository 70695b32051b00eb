package labapp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Database and Redis flags shared by every command. A flag wins over its environment variable;
 * the database password comes from {@code DB_PASSWORD}, a file, or a prompt, never from a flag
 * value, so it does not show in {@code ps} or shell history.
 */
public class ConnectionOptions {
    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "JDBC URL of the products database (env DB_URL; default jdbc:mysql://127.0.0.1:3306/ecommerce).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (env DB_USER; default admin).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Read the database password from FILE (env DB_PASSWORD_FILE). Env DB_PASSWORD also works.")
    Path dbPasswordFile;

    @Option(names = "--db-password", arity = "0", interactive = true,
            description = "Prompt for the database password (no echo).")
    char[] dbPasswordPrompted;

    @Option(names = "--redis-url", paramLabel = "URL",
            description = "redis://HOST:PORT or rediss://HOST:PORT for TLS, optionally with :PASSWORD@ "
                    + "(env REDIS_URL; default redis://127.0.0.1:6379). Env REDIS_PASSWORD sets AUTH without the URL.")
    String redisUrl;

    @Option(names = "--redis-ca", paramLabel = "PEM",
            description = "CA certificate(s) to trust for rediss:// (env REDIS_CA_FILE); not needed for ElastiCache.")
    Path redisCaFile;

    @Option(names = "--ttl", paramLabel = "SECONDS",
            description = "TTL of cached products (env CACHE_TTL_SECONDS; default 3600, as the lab's SETEX).")
    Integer ttlSeconds;

    @Option(names = "--redis-timeout-ms", paramLabel = "MS",
            description = "Connect and read timeout per Redis call (env REDIS_TIMEOUT_MS; default 500).")
    Integer redisTimeoutMs;

    @Option(names = "--db-pool-size", paramLabel = "N", description = "HikariCP pool size (env DB_POOL_SIZE; default 16).")
    Integer dbPoolSize;

    /** Applies these flags, then the environment, over the builder's defaults. */
    public Settings.Builder applyTo(Settings.Builder b, Map<String, String> env) {
        pick(dbUrl, env.get("DB_URL"), b::dbUrl);
        pick(dbUser, env.get("DB_USER"), b::dbUser);
        String password = password(env);
        if (password != null) {
            b.dbPassword(password);
        }
        pick(redisUrl, env.get("REDIS_URL"), b::redisUrl);
        if (env.get("REDIS_PASSWORD") != null && !env.get("REDIS_PASSWORD").isEmpty()) {
            b.redisPassword(env.get("REDIS_PASSWORD"));
        }
        if (redisCaFile != null) {
            b.redisCaFile(redisCaFile);
        } else if (env.get("REDIS_CA_FILE") != null && !env.get("REDIS_CA_FILE").isEmpty()) {
            b.redisCaFile(Path.of(env.get("REDIS_CA_FILE")));
        }
        Integer ttl = intOf(ttlSeconds, env, "CACHE_TTL_SECONDS");
        if (ttl != null) {
            b.ttlSeconds(ttl);
        }
        Integer timeout = intOf(redisTimeoutMs, env, "REDIS_TIMEOUT_MS");
        if (timeout != null) {
            b.redisTimeout(Duration.ofMillis(timeout));
        }
        Integer pool = intOf(dbPoolSize, env, "DB_POOL_SIZE");
        if (pool != null) {
            b.dbPoolSize(pool);
        }
        return b;
    }

    private String password(Map<String, String> env) {
        if (dbPasswordPrompted != null) {
            return new String(dbPasswordPrompted);
        }
        Path file = dbPasswordFile != null ? dbPasswordFile
                : env.get("DB_PASSWORD_FILE") != null ? Path.of(env.get("DB_PASSWORD_FILE")) : null;
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the database password file " + file + ": " + e.getMessage(), e);
            }
        }
        return env.get("DB_PASSWORD");
    }

    static void pick(String flag, String envValue, java.util.function.Consumer<String> set) {
        if (flag != null) {
            set.accept(flag);
        } else if (envValue != null && !envValue.isEmpty()) {
            set.accept(envValue);
        }
    }

    static Integer intOf(Integer flag, Map<String, String> env, String name) {
        if (flag != null) {
            return flag;
        }
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'", e);
        }
    }
}
