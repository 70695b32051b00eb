package labcheck.run;

import java.net.URI;
import labcheck.evidence.SafeUrl;

/**
 * Where the probe may reach Redis, parsed from {@code host:port}, {@code redis://host:port}
 * or {@code rediss://host:port} (TLS, as ElastiCache offers with in-transit encryption).
 * User-info in a URL is refused: a password must come from an environment variable.
 *
 * <pre>{@code
 * RedisTarget t = RedisTarget.parse("rediss://master.product-cache.abc.use1.cache.amazonaws.com:6379");
 * }</pre>
 */
public record RedisTarget(String host, int port, boolean tls) {

    public static RedisTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the Redis endpoint is empty. Fix: give host:port, e.g. 127.0.0.1:6379.");
        }
        String t = text.trim();
        if (t.contains("@")) {
            throw new IllegalArgumentException("the Redis endpoint carries credentials (user:password@; not shown)."
                    + " Fix: give host:port or rediss://host:port and name the variable holding the AUTH token with"
                    + " --redis-password-env.");
        }
        boolean tls = t.startsWith("rediss://");
        if (t.contains("://")) {
            URI u;
            try {
                u = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                        + "' is not a valid URL. Fix: give"
                        + " host:port or redis://host:port.");
            }
            if (u.getUserInfo() != null) {
                throw new IllegalArgumentException("the Redis endpoint carries credentials in its URL. Fix: give"
                        + " redis://host:port and put the password in an environment variable (--redis-password-env).");
            }
            if (u.getHost() == null || !(t.startsWith("redis://") || tls)) {
                throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                        + "' is not redis://host:port or"
                        + " rediss://host:port.");
            }
            return new RedisTarget(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort(), tls);
        }
        int colon = t.lastIndexOf(':');
        if (colon <= 0) {
            return new RedisTarget(t, 6379, false);
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new RedisTarget(t.substring(0, colon), port, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                    + "' has no valid port. Fix: give"
                    + " host:port, e.g. 127.0.0.1:6379.");
        }
    }
}
