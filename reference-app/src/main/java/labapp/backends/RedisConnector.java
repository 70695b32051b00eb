package labapp.backends;

import java.net.URI;
import java.time.Duration;
import labapp.config.Settings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Builds the Jedis pool from {@code REDIS_URL}: {@code rediss://} turns TLS on (ElastiCache
 * in-transit encryption), {@code user:password@} or {@code REDIS_PASSWORD} sends AUTH, and every
 * socket gets the short connect and read timeout so a stopped or frozen Redis costs a request at
 * most that long.
 *
 * <pre>{@code
 * try (JedisPool pool = RedisConnector.pool(settings)) { ... }
 * }</pre>
 */
public final class RedisConnector {
    private RedisConnector() {
    }

    /** A pool that does not connect until first used, so the app starts while Redis is down. */
    public static JedisPool pool(Settings settings) {
        URI uri = URI.create(settings.redisUrl());
        int timeout = (int) settings.redisTimeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .ssl("rediss".equals(uri.getScheme()))
                .database(database(uri));
        String[] userInfo = userInfo(uri);
        if (userInfo[0] != null) {
            client.user(userInfo[0]);
        }
        if (settings.redisPassword() != null) {
            client.password(settings.redisPassword());
        } else if (userInfo[1] != null) {
            client.password(userInfo[1]);
        }
        if (settings.redisCaFile() != null) {
            client.sslSocketFactory(TrustedCa.socketFactory(settings.redisCaFile()));
        }
        if ("rediss".equals(uri.getScheme())) {
            // Check the server's name against its certificate, as a browser would.
            javax.net.ssl.SSLParameters params = new javax.net.ssl.SSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            client.sslParameters(params);
        }
        JedisClientConfig config = client.build();
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMinIdle(0);
        // A frozen Redis must not queue requests behind busy connections for longer than a call.
        pool.setMaxWait(Duration.ofMillis(timeout));
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(false);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(-1));
        pool.setJmxEnabled(false);
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        return new JedisPool(pool, new HostAndPort(uri.getHost(), port), config);
    }

    private static int database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.length() <= 1) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("REDIS_URL path must be a database number, not '" + path + "'", e);
        }
    }

    private static String[] userInfo(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        String user = colon < 0 ? null : decode(info.substring(0, colon));
        String password = decode(colon < 0 ? info : info.substring(colon + 1));
        return new String[] {user == null || user.isEmpty() ? null : user, password};
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
