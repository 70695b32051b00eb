package labcheck.probe;

import java.time.Duration;
import labcheck.evidence.Unavailable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Reads product keys straight from Redis (EXISTS, GET, TTL), to check what the app claims.
 * Every command is bounded by the socket timeout; nothing here writes.
 */
final class RedisReader implements AutoCloseable {

    private final Jedis jedis;
    private final String endpoint;

    private RedisReader(Jedis jedis, String endpoint) {
        this.jedis = jedis;
        this.endpoint = endpoint;
    }

    /** Connects and PINGs; the result is a reader or why Redis cannot be read from here. */
    static Result connect(ProbeSettings s, Duration timeout) {
        if (s.blocked("redis") != null) {
            return new Result(null, new Unavailable("Unreachable", "redis", s.blocked("redis")));
        }
        if (s.redisHost() == null) {
            return new Result(null, Unavailable.notCollected("Redis keys",
                    "run with --redis HOST:PORT (on the EC2 instance, or from outside with --ssh USER@HOST) to read "
                            + "product:<id> keys and their TTL."));
        }
        String endpoint = s.redisHost() + ":" + s.redisPort();
        char[] pw = s.redisPassword();
        try {
            int ms = (int) Math.max(1, timeout.toMillis());
            DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(ms).socketTimeoutMillis(ms).ssl(s.redisTls())
                    .clientName("labcheck-probe");
            if (s.redisUser() != null) {
                cfg.user(s.redisUser());
            }
            if (pw != null) {
                cfg.password(new String(pw));
            }
            Jedis j = new Jedis(new HostAndPort(s.redisHost(), s.redisPort()), cfg.build());
            try {
                j.ping();
            } catch (RuntimeException e) {
                j.close();
                throw e;
            }
            return new Result(new RedisReader(j, endpoint), null);
        } catch (RuntimeException e) {
            return new Result(null, unreachable(endpoint, e));
        } finally {
            if (pw != null) {
                java.util.Arrays.fill(pw, '\0');
            }
        }
    }

    static Unavailable unreachable(String endpoint, Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.contains("NOAUTH") || msg.contains("WRONGPASS") || msg.contains("NOPERM")) {
            return new Unavailable("AccessDenied", "redis:" + endpoint,
                    "Redis at " + endpoint + " refused the probe's credentials (" + firstLine(msg)
                            + "); pass the AUTH user and password the app uses.");
        }
        return new Unavailable("Unreachable", "redis:" + endpoint,
                "Redis at " + endpoint + " is not reachable from this host (" + firstLine(msg) + "). An ElastiCache "
                        + "node only accepts connections from inside its VPC: run labcheck on the EC2 instance, or "
                        + "from outside add --ssh ec2-user@<ec2-public-ip> --ssh-key KEY.pem and give --redis as the "
                        + "instance sees it (<redis-endpoint>:6379).");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    String endpoint() {
        return endpoint;
    }

    boolean exists(String key) {
        return jedis.exists(key);
    }

    String get(String key) {
        return jedis.get(key);
    }

    long ttl(String key) {
        return jedis.ttl(key);
    }

    /** EXISTS of each key in one pipeline (one round trip), in order. */
    boolean[] existsAll(java.util.List<String> keys) {
        boolean[] out = new boolean[keys.size()];
        try (redis.clients.jedis.Pipeline p = jedis.pipelined()) {
            java.util.List<redis.clients.jedis.Response<Boolean>> answers = new java.util.ArrayList<>();
            keys.forEach(k -> answers.add(p.exists(k)));
            p.sync();
            for (int i = 0; i < out.length; i++) {
                out[i] = Boolean.TRUE.equals(answers.get(i).get());
            }
        }
        return out;
    }

    /** Redis's own {@code keyspace_hits} and {@code keyspace_misses} (INFO stats moves neither). */
    long[] keyspace() {
        String info = jedis.info("stats");
        long hits = -1;
        long misses = -1;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("keyspace_hits:")) {
                hits = Long.parseLong(line.substring("keyspace_hits:".length()).trim());
            } else if (line.startsWith("keyspace_misses:")) {
                misses = Long.parseLong(line.substring("keyspace_misses:".length()).trim());
            }
        }
        if (hits < 0 || misses < 0) {
            throw new IllegalStateException("INFO stats has no keyspace_hits/keyspace_misses");
        }
        return new long[] {hits, misses};
    }

    @Override
    public void close() {
        jedis.close();
    }

    /** A connected reader, or why there is none. */
    record Result(RedisReader reader, Unavailable unavailable) {
    }
}
