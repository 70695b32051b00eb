package labcheck.probe;

import java.net.URI;
import labcheck.evidence.SafeUrl;

/**
 * The student's Redis, by two addresses: {@code host:port} as the instance sees it, which is what
 * the evidence names (e.g. {@code product-cache-cluster.abc123.0001.use1.cache.amazonaws.com:6379}),
 * and {@code dialHost:dialPort}, where this host connects (the same, or an SSH forward); with TLS
 * or not, the AUTH account (or null), and why it cannot be reached from here (or null).
 * {@link #NONE} is no Redis given; it may still hold the account an endpoint found later is read with.
 *
 * <pre>{@code
 * RedisTarget r = RedisTarget.parse("rediss://master.product-cache.abc.use1.cache.amazonaws.com:6379")
 *         .withCredentials(Credentials.of("default", token)).via("127.0.0.1", 40124);
 * }</pre>
 */
public record RedisTarget(String host, int port, boolean tls, String dialHost, int dialPort,
                          Credentials credentials, String unreachable) {

    /** No Redis to read. */
    public static final RedisTarget NONE = new RedisTarget(null, 0, false, null, 0, null, null);

    public RedisTarget {
        if (host != null) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("redis port must be between 1 and 65535, was " + port);
            }
            if (dialHost == null) {
                dialHost = host;
                dialPort = port;
            }
        }
    }

    /** Redis at {@code host:port}, dialled there, with no account. */
    public static RedisTarget of(String host, int port, boolean tls) {
        return new RedisTarget(java.util.Objects.requireNonNull(host, "redis host"), port, tls, null, 0, null, null);
    }

    /**
     * Parses {@code host:port}, {@code redis://host:port} or {@code rediss://host:port} (TLS, as
     * ElastiCache offers with in-transit encryption). User-info is refused: a password must come
     * from an environment variable.
     */
    public static RedisTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the Redis endpoint is empty. Fix: give host:port, e.g."
                    + " 127.0.0.1:6379.");
        }
        String t = text.trim();
        if (t.contains("@")) {
            throw new IllegalArgumentException("the Redis endpoint carries credentials (user:password@; not shown)."
                    + " Fix: give host:port or rediss://host:port and name the variable holding the AUTH token with"
                    + " --redis-password-env.");
        }
        boolean tls = t.startsWith("rediss://");
        String badPort = SafeUrl.portProblem("the Redis endpoint", t, 6379);
        if (badPort != null) {
            throw new IllegalArgumentException(badPort);
        }
        if (t.contains("://")) {
            URI u;
            try {
                u = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                        + "' is not a valid URL. Fix: give host:port or redis://host:port.");
            }
            if (u.getUserInfo() != null) {
                throw new IllegalArgumentException("the Redis endpoint carries credentials in its URL. Fix: give"
                        + " redis://host:port and put the password in an environment variable (--redis-password-env).");
            }
            if (u.getHost() == null || !(t.startsWith("redis://") || tls)) {
                throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                        + "' is not redis://host:port or rediss://host:port.");
            }
            return of(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort(), tls);
        }
        int colon = t.lastIndexOf(':');
        if (colon <= 0) {
            return of(t, 6379, false);
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return of(t.substring(0, colon), port, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the Redis endpoint '" + SafeUrl.strip(t)
                    + "' has no valid port. Fix: give host:port, e.g. 127.0.0.1:6379.");
        }
    }

    /** Whether there is a Redis to read. */
    public boolean given() {
        return host != null;
    }

    /** {@code host:port} as the instance sees it, as the evidence names it. */
    public String endpoint() {
        return host + ":" + port;
    }

    /** This Redis's account at {@code host:port} (an endpoint found in AWS), dialled there. */
    public RedisTarget withAddress(String host, int port, boolean tls) {
        return new RedisTarget(java.util.Objects.requireNonNull(host, "redis host"), port, tls, null, 0, credentials,
                unreachable);
    }

    /** The same Redis read with {@code c} (or no account, when null). */
    public RedisTarget withCredentials(Credentials c) {
        return new RedisTarget(host, port, tls, dialHost, dialPort, c, unreachable);
    }

    /** This Redis dialled at {@code host:port} (a forward); the evidence still names {@link #endpoint()}. */
    public RedisTarget via(String host, int port) {
        return new RedisTarget(this.host, this.port, tls, host, port, credentials, unreachable);
    }

    /** This Redis as unreachable from here, for {@code why} (one sentence with the fix). */
    public RedisTarget blocked(String why) {
        return new RedisTarget(host, port, tls, dialHost, dialPort, credentials, why);
    }

    /**
     * A connection library's message (which names the address it dialled) with this Redis named
     * as the instance sees it. Only for a library's error text: product data never passes here.
     */
    String asSeen(String libraryMessage) {
        if (libraryMessage == null || host == null || (host.equals(dialHost) && port == dialPort)) {
            return libraryMessage;
        }
        return libraryMessage.replace(dialHost + ":" + dialPort, endpoint());
    }
}
