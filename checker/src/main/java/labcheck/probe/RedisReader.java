package labcheck.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.Unavailable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.json.JsonProtocol.JsonCommand;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Reads product keys straight from Redis (EXISTS, TYPE, the read each type needs, TTL), to check
 * what the app claims. Every command is bounded by the socket timeout; nothing here writes but
 * {@link #delete}, which only the rubric's key reset calls. It dials where the target is reached
 * from here and names it, in evidence and messages, as the instance sees it.
 *
 * <p>Every read of a key moves Redis's {@code keyspace_hits} or {@code keyspace_misses} by one
 * (SCAN, INFO, SELECT and DEL move neither): the reader counts its own, so the probe can tell
 * them from the app's.
 */
final class RedisReader implements AutoCloseable {

    private final Jedis jedis;
    private final RedisTarget target;
    private long ownHits;
    private long ownMisses;
    private int db;

    private RedisReader(Jedis jedis, RedisTarget target) {
        this.jedis = jedis;
        this.target = target;
    }

    /** Connects and PINGs; the result is a reader or why Redis cannot be read from here. */
    static Result connect(RedisTarget t, Duration timeout) {
        if (t.unreachable() != null) {
            return new Result(null, new Unavailable("Unreachable", "redis", t.unreachable()));
        }
        if (!t.given()) {
            return new Result(null, Unavailable.notCollected("Redis keys",
                    "run with --redis HOST:PORT (on the EC2 instance, or from outside with --ssh USER@HOST) to read "
                            + "product:<id> keys and their TTL."));
        }
        Credentials account = t.credentials();
        char[] pw = account == null ? null : account.password();
        try {
            int ms = (int) Math.max(1, timeout.toMillis());
            DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(ms).socketTimeoutMillis(ms).ssl(t.tls())
                    .clientName("labcheck-probe");
            if (account != null && account.user() != null) {
                cfg.user(account.user());
            }
            if (pw != null) {
                cfg.password(new String(pw));
            }
            Jedis j = new Jedis(new HostAndPort(t.dialHost(), t.dialPort()), cfg.build());
            try {
                j.ping();
            } catch (RuntimeException e) {
                j.close();
                throw e;
            }
            return new Result(new RedisReader(j, t), null);
        } catch (RuntimeException e) {
            Unavailable scheme = wrongScheme(t, e, timeout);
            return new Result(null, scheme != null ? scheme : unreachable(t, e, t.tls()));
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    /** Why this Redis could not be read after all. */
    Unavailable unreachable(Exception e) {
        return unreachable(target, e, false);
    }

    /**
     * Why Redis could not be read, each cause with its own fix: AUTH, cluster mode, TLS, or the
     * network; Redis is named as the instance sees it, also inside the library's own words.
     */
    static Unavailable unreachable(RedisTarget t, Exception e, boolean tls) {
        String endpoint = t.endpoint();
        String msg = t.asSeen(causes(e));
        if (msg.contains("NOAUTH") || msg.contains("WRONGPASS") || msg.contains("NOPERM")) {
            return new Unavailable("AccessDenied", "redis:" + endpoint,
                    "Redis at " + endpoint + " refused the probe's credentials (" + firstLine(msg)
                            + "); name the variable holding the AUTH token the app uses with --redis-password-env VAR"
                            + " (and --redis-user for an ACL user).");
        }
        if (msg.contains("MOVED") || msg.contains("CLUSTERDOWN") || msg.contains("ASK ")) {
            return new Unavailable("InvalidResponse", "redis:" + endpoint,
                    "Redis at " + endpoint + " answered MOVED: the cache has cluster mode enabled and the key lives on"
                            + " another shard; the lab's cache has cluster mode disabled. Fix: recreate it with cluster"
                            + " mode off, or point --redis at the node holding the product keys.");
        }
        // a plain Redis reads a TLS hello as a command and waits: the connection opens, the handshake times out
        if (tls && (msg.contains("SSL") || msg.contains("ssl") || msg.contains("handshake")
                || msg.contains("Unexpected end of") || msg.contains("Read timed out"))) {
            return new Unavailable("Unreachable", "redis:" + endpoint,
                    "Redis at " + endpoint + " accepted the connection but did not speak TLS (" + firstLine(msg)
                            + "): the cache likely has in-transit encryption off. Fix: give --redis " + endpoint
                            + " without rediss://.");
        }
        if (!tls && (msg.contains("Unexpected end of") || msg.contains("Connection reset"))) {
            return new Unavailable("Unreachable", "redis:" + endpoint,
                    "Redis at " + endpoint + " closed the connection at once (" + firstLine(msg) + "): the cache"
                            + " likely requires TLS (in-transit encryption on). Fix: give --redis rediss://" + endpoint
                            + ".");
        }
        return new Unavailable("Unreachable", "redis:" + endpoint,
                "Redis at " + endpoint + " is not reachable from this host (" + firstLine(msg) + "). An ElastiCache "
                        + "node only accepts connections from inside its VPC: run labcheck on the EC2 instance, or "
                        + "from outside add --ssh ec2-user@<ec2-public-ip> --ssh-key KEY.pem and give --redis as the "
                        + "instance sees it (<redis-endpoint>:6379).");
    }

    /**
     * A Redis spoken to with the wrong scheme, asked of the server with one TLS handshake once the
     * connection opened: {@code rediss://} to a plain Redis (in-transit encryption off), or plain to a
     * TLS-only one (on); null when the scheme is right or no connection was made.
     */
    private static Unavailable wrongScheme(RedisTarget t, Exception e, Duration timeout) {
        String msg = t.asSeen(causes(e));
        if (msg.contains("NOAUTH") || msg.contains("WRONGPASS") || msg.contains("NOPERM") || msg.contains("MOVED")
                || msg.contains("Connection refused") || msg.contains("onnect timed out")
                || msg.contains("UnknownHost") || msg.contains("No route to host") || msg.contains("unreachable")) {
            return null;
        }
        TlsHello.Answer answer = TlsHello.ask(t.dialHost(), t.dialPort(), timeout);
        if (answer == TlsHello.Answer.NONE || t.tls() == (answer == TlsHello.Answer.TLS)) {
            return null;
        }
        String endpoint = t.endpoint();
        return new Unavailable("Unreachable", "redis:" + endpoint, t.tls()
                ? "Redis at " + endpoint + " accepted the connection but did not speak TLS (" + firstLine(msg) + "):"
                        + " the cache has in-transit encryption off. Fix: give --redis " + endpoint + " without rediss://."
                : "Redis at " + endpoint + " speaks only TLS (in-transit encryption is on), and the probe spoke plain"
                        + " Redis (" + firstLine(msg) + "). Fix: give --redis rediss://" + endpoint + ".");
    }

    /** Every message down the cause chain, so a TLS failure wrapped by Jedis is still recognised. */
    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            if (all.length() > 0) {
                all.append(" <- ");
            }
            all.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return all.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@code host:port} as the instance sees it. */
    String endpoint() {
        return target.endpoint();
    }

    boolean exists(String key) {
        return counted(jedis.exists(key));
    }

    /** Counts one of the reader's own key reads, as Redis counts it; returns whether the key was there. */
    private boolean counted(boolean existed) {
        if (existed) {
            ownHits++;
        } else {
            ownMisses++;
        }
        return existed;
    }

    /** The keyspace hits and misses this reader's own reads caused so far. */
    long[] ownLookups() {
        return new long[] {ownHits, ownMisses};
    }

    /** Reads from logical database {@code index} from now on (SELECT; counts no lookup). */
    void select(int index) {
        if (index != db) {
            jedis.select(index);
            db = index;
        }
    }

    /** The logical database read now. */
    int db() {
        return db;
    }

    /** The most of a value read: a product is a few hundred bytes, and a student's key may hold 100 MB. */
    static final int MAX_VALUE_BYTES = 64 * 1024;

    /** The value, or its first {@link #MAX_VALUE_BYTES} when longer (STRLEN first, then GETRANGE). */
    String get(String key) {
        long length = jedis.strlen(key);
        counted(length > 0);
        if (length <= MAX_VALUE_BYTES) {
            String v = jedis.get(key);
            counted(v != null);
            return v;
        }
        ownHits++;
        return jedis.getrange(key, 0, MAX_VALUE_BYTES - 1);
    }

    long ttl(String key) {
        long ttl = jedis.ttl(key);
        counted(ttl != -2);
        return ttl;
    }

    /** The key's type ({@code string}, {@code hash}, {@code ReJSON-RL}, ...), {@code none} when absent. */
    String type(String key) {
        String t = jedis.type(key);
        counted(!"none".equals(t));
        return t;
    }

    /** The most elements of a hash, list, set or sorted set read: a product has a handful of fields. */
    static final int MAX_ELEMENTS = 200;

    /** A hash's fields, at most {@link #MAX_ELEMENTS} of them (HLEN first, then HGETALL or one HSCAN). */
    Map<String, String> hash(String key) {
        long n = jedis.hlen(key);
        ownHits++;
        Map<String, String> out = new LinkedHashMap<>();
        if (n <= MAX_ELEMENTS) {
            out.putAll(jedis.hgetAll(key));
        } else {
            jedis.hscan(key, "0", new ScanParams().count(MAX_ELEMENTS)).getResult()
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        ownHits++;
        return out;
    }

    /** The first {@link #MAX_ELEMENTS} elements of a list, set or sorted set (by its type). */
    List<String> elements(String key, String type) {
        ownHits++;
        return switch (type) {
            case "list" -> jedis.lrange(key, 0, MAX_ELEMENTS - 1);
            case "set" -> jedis.sscan(key, "0", new ScanParams().count(MAX_ELEMENTS))
                    .getResult();
            case "zset" -> jedis.zrange(key, 0, MAX_ELEMENTS - 1);
            default -> throw new IllegalArgumentException("not a list, set or zset: " + type);
        };
    }

    /**
     * A RedisJSON document as JSON text ({@code JSON.GET key}), capped at {@link #MAX_VALUE_BYTES};
     * throws {@link JedisDataException} when the module is not loaded.
     */
    String json(String key) {
        Object reply = jedis.sendCommand(JsonCommand.GET,
                SafeEncoder.encode(key));
        ownHits++;
        if (reply == null) {
            return null;
        }
        String text = SafeEncoder.encode((byte[]) reply);
        return text.length() <= MAX_VALUE_BYTES ? text : text.substring(0, MAX_VALUE_BYTES);
    }

    /** DEL of {@code keys} in the database read now; how many were deleted. Only the rubric's key reset writes. */
    long delete(List<String> keys) {
        return keys.isEmpty() ? 0 : jedis.del(keys.toArray(new String[0]));
    }

    /** EXISTS of each key in one pipeline (one round trip), in order. */
    boolean[] existsAll(List<String> keys) {
        boolean[] out = new boolean[keys.size()];
        try (Pipeline p = jedis.pipelined()) {
            List<Response<Boolean>> answers = new ArrayList<>();
            keys.forEach(k -> answers.add(p.exists(k)));
            p.sync();
            for (int i = 0; i < out.length; i++) {
                out[i] = counted(Boolean.TRUE.equals(answers.get(i).get()));
            }
        }
        return out;
    }

    /**
     * EXISTS {@code key} and Redis's keyspace counters in one round trip; the counters are read
     * {@code existsFirst} after the EXISTS (so they include it) or before it. Returns {exists 0/1,
     * hits, misses}.
     */
    long[] existsAndCounters(String key, boolean existsFirst) {
        try (Pipeline p = jedis.pipelined()) {
            Response<Boolean> e = existsFirst ? p.exists(key) : null;
            Response<Object> info = p.sendCommand(Protocol.Command.INFO,
                    "stats");
            if (!existsFirst) {
                e = p.exists(key);
            }
            p.sync();
            long[] counters = counters(SafeEncoder.encode((byte[]) info.get()));
            return new long[] {counted(Boolean.TRUE.equals(e.get())) ? 1 : 0, counters[0], counters[1]};
        }
    }

    /**
     * Keys per logical database, as {@code INFO keyspace} lists them (a database without keys is
     * not listed). Moves no counter.
     */
    SortedMap<Integer, Long> keyCounts() {
        SortedMap<Integer, Long> out = new TreeMap<>();
        for (String line : jedis.info("keyspace").split("\r?\n")) {
            Matcher m = DB_LINE.matcher(line);
            if (m.lookingAt()) {
                out.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    private static final Pattern DB_LINE = Pattern.compile("db(\\d+):keys=(\\d+)");

    /** One SCAN step in the database read now: the next cursor, and the keys it returned. */
    ScanResult<String> scan(String cursor, String match, int count) {
        ScanParams params = new ScanParams().count(count);
        if (match != null) {
            params.match(match);
        }
        return jedis.scan(cursor, params);
    }

    /** Redis's own {@code keyspace_hits} and {@code keyspace_misses} (INFO stats moves neither). */
    long[] keyspace() {
        return counters(jedis.info("stats"));
    }

    private static long[] counters(String info) {
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

    /** The fields of one {@code INFO} section ({@code server}: redis_version, os, ...), as the server gave them. */
    java.util.Map<String, String> info(String section) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : jedis.info(section).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    @Override
    public void close() {
        jedis.close();
    }

    /** A connected reader, or why there is none. */
    record Result(RedisReader reader, Unavailable unavailable) {
    }
}
