package labapp.product;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis side of lazy loading: {@code GET product:<id>} and {@code SETEX product:<id> TTL json}.
 *
 * <p>Redis is optional to a request. A failed call (stopped, frozen past the read timeout,
 * unreachable) makes the cache report {@link Read#DOWN} and leaves Redis alone for
 * {@code retryAfter}; the next call after that tries again, so caching resumes by itself when
 * Redis comes back, including when the app was started while Redis was down.
 *
 * <pre>{@code
 * ProductCache cache = new ProductCache(RedisConnector.pool(settings), 3600, Duration.ofSeconds(1));
 * ProductCache.Read r = cache.get(1);
 * }</pre>
 */
public final class ProductCache {
    private final JedisPool pool;
    private final int ttlSeconds;
    private final long retryAfterNanos;
    private final LongAdder failures = new LongAdder();
    private volatile long skipUntilNanos;
    private volatile boolean everFailed;

    public ProductCache(JedisPool pool, int ttlSeconds, Duration retryAfter) {
        this.pool = java.util.Objects.requireNonNull(pool, "pool");
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("TTL must be positive, not " + ttlSeconds);
        }
        this.ttlSeconds = ttlSeconds;
        this.retryAfterNanos = retryAfter.toNanos();
    }

    /** The cache key of a product, as in the lab. */
    public static String key(int id) {
        return "product:" + id;
    }

    /**
     * The result of a cache read.
     *
     * @param value the cached JSON, or null
     * @param reachable false when Redis could not be asked
     */
    public record Read(String value, boolean reachable) {
        public static final Read MISS = new Read(null, true);
        public static final Read DOWN = new Read(null, false);

        public boolean hit() {
            return value != null;
        }
    }

    /** {@code GET product:<id>}. */
    public Read get(int id) {
        if (skipping()) {
            return Read.DOWN;
        }
        try (Jedis j = pool.getResource()) {
            String v = j.get(key(id));
            return v == null ? Read.MISS : new Read(v, true);
        } catch (JedisException e) {
            failed();
            return Read.DOWN;
        }
    }

    /** {@code SETEX product:<id> ttl json}; false when Redis is down (the caller goes on). */
    public boolean put(int id, String json) {
        if (skipping()) {
            return false;
        }
        try (Jedis j = pool.getResource()) {
            j.setex(key(id), ttlSeconds, json);
            return true;
        } catch (JedisException e) {
            failed();
            return false;
        }
    }

    /** {@code DEL product:<id>}; false when Redis is down. */
    public boolean evict(int id) {
        if (skipping()) {
            return false;
        }
        try (Jedis j = pool.getResource()) {
            j.del(key(id));
            return true;
        } catch (JedisException e) {
            failed();
            return false;
        }
    }

    /** SETEX of many products in one pipeline; returns how many were written. */
    public int putAll(Collection<Product> products) {
        try (Jedis j = pool.getResource()) {
            Pipeline p = j.pipelined();
            for (Product product : products) {
                p.setex(key(product.id()), ttlSeconds, ProductJson.write(product));
            }
            p.sync();
            recovered();
            return products.size();
        } catch (JedisException e) {
            failed();
            throw new CacheUnavailableException("Redis unavailable: " + e.getMessage(), e);
        }
    }

    /** {@code INFO stats} as numbers, asked even while skipping (an operator wants the truth). */
    public Map<String, Long> infoStats() {
        try (Jedis j = pool.getResource()) {
            String info = j.info("stats");
            recovered();
            Map<String, Long> out = new LinkedHashMap<>();
            for (String line : info.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    try {
                        out.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1).trim()));
                    } catch (NumberFormatException notANumber) {
                        // INFO has a few non-numeric fields; /stats needs only counters
                    }
                }
            }
            return out;
        } catch (JedisException e) {
            failed();
            throw new CacheUnavailableException("Redis unavailable: " + e.getMessage(), e);
        }
    }

    /** PING, asked even while skipping; a success ends the skip at once. */
    public boolean ping() {
        try (Jedis j = pool.getResource()) {
            boolean ok = "PONG".equals(j.ping());
            if (ok) {
                recovered();
            }
            return ok;
        } catch (JedisException e) {
            failed();
            return false;
        }
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }

    /** Redis calls that failed since start. */
    public long failures() {
        return failures.sum();
    }

    private boolean skipping() {
        return everFailed && System.nanoTime() - skipUntilNanos < 0;
    }

    private void failed() {
        failures.increment();
        everFailed = true;
        skipUntilNanos = System.nanoTime() + retryAfterNanos;
        // Idle connections to a restarted or frozen server are dead: drop them, so the retry
        // after retryAfter opens a fresh one instead of failing on a stale socket.
        pool.clear();
    }

    private void recovered() {
        skipUntilNanos = System.nanoTime();
    }
}
