package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * A small app serving the lab's HTTP contract (test code), in cache or no-cache mode, with
 * switchable faults that a student's app might have. Runs on the JDK's HTTP server over real
 * Redis and MariaDB.
 */
public final class ContractApp implements AutoCloseable {

    /** What can be wrong with an app. */
    public enum Fault {
        /** SET without TTL: keys never expire. */
        SET_WITHOUT_TTL,
        /** response_time_ms covers only the Redis read, while hits secretly take as long as a DB query or longer. */
        FAKE_RESPONSE_TIME,
        /** /stats returns fixed numbers. */
        HARDCODED_STATS,
        /** Redis is gone, but /health says connected. */
        HEALTH_LIES_REDIS_GONE,
        /** The database is queried on every request, before the cache is read. */
        DB_BEFORE_CACHE,
        /** Every request hangs. */
        HANG,
        /** Every route answers an HTML page. */
        HTML,
        /** No PUT or DELETE route (the extension challenges not done): 405. */
        NO_WRITE_ROUTES,
        /** An honest cache whose JSON carries no cache_status at all. */
        NO_CACHE_STATUS,
        /** An honest cache whose cache_status always says HIT, misses included. */
        LABELS_ALWAYS_HIT,
        /** A cache whose key ignores the id: the first product cached is served, labelled HIT, for every id. */
        KEY_IGNORES_ID,
        /** An honest cache that takes 20 ms per hit (and says so in response_time_ms). */
        SLOW_HITS,
        /** A no-cache app that sleeps 50 ms per request (and says so in response_time_ms). */
        SLEEPS_50_MS,
        /** A no-cache app that opens a database connection per request, as the seed's app_no_cache.py does. */
        CONNECTION_PER_REQUEST
    }

    /**
     * How an honest app may shape its cache, as students write it: the key's name and logical
     * database, a hash (HSET + EXPIRE) instead of a JSON string, and which ids it caches at all
     * (ids above {@code cachedUpTo} never reach Redis: read from MySQL, answered MISS).
     */
    public record Shape(String keyFormat, int db, boolean hash, int cachedUpTo) {

        /** The lab's own: product:<id> in db 0, a JSON string, every id. */
        public static final Shape LAB = new Shape("product:%d", 0, false, Integer.MAX_VALUE);

        public Shape withKey(String format) {
            return new Shape(format, db, hash, cachedUpTo);
        }

        public Shape inDb(int index) {
            return new Shape(keyFormat, index, hash, cachedUpTo);
        }

        public Shape asHash() {
            return new Shape(keyFormat, db, true, cachedUpTo);
        }

        public Shape upTo(int id) {
            return new Shape(keyFormat, db, hash, id);
        }

        public String key(int id) {
            return String.format(java.util.Locale.ROOT, keyFormat, id);
        }
    }

    /**
     * Time added to every database query, emulating the network round trip to RDS: embedded
     * MariaDB on loopback answers in about 0.1 ms, which would leave the apps' difference in noise.
     */
    static final long DB_LATENCY_MICROS = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TestServers.noNagle();
    }

    private final boolean cache;
    private final Shape shape;
    private final Set<Fault> faults;
    private final HttpServer server;
    private final ExecutorService pool;
    private final BlockingQueue<Connection> connections;
    private final JedisPool redisPool;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Backends backends;
    /** The one key of an app whose key ignores the id: its own, so apps sharing the test Redis do not meet. */
    private final String fixedKey = "product:any-" + Integer.toHexString(System.identityHashCode(this));

    private ContractApp(boolean cache, Shape shape, Set<Fault> faults, Backends b, int threads) throws Exception {
        this.cache = cache;
        this.backends = b;
        this.shape = shape;
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        int redisPort = this.faults.contains(Fault.HEALTH_LIES_REDIS_GONE) ? Backends.freePort() : b.redisPort;
        JedisPoolConfig pc = new JedisPoolConfig();
        pc.setMaxTotal(threads);
        pc.setMaxWait(java.time.Duration.ofSeconds(2));
        redisPool = cache ? new JedisPool(pc, "127.0.0.1", redisPort, 500, null, shape.db()) : null;
        connections = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < Math.min(threads, 8); i++) {
            connections.add(b.connect());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 512);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ContractApp cacheApp(Backends b, Fault... faults) throws Exception {
        return new ContractApp(true, Shape.LAB, Set.of(faults), b, 16);
    }

    /** An honest cache app of another shape. */
    public static ContractApp shaped(Backends b, Shape shape) throws Exception {
        return new ContractApp(true, shape, Set.of(), b, 16);
    }

    public static ContractApp baselineApp(Backends b, Fault... faults) throws Exception {
        return new ContractApp(false, Shape.LAB, Set.of(faults), b, 16);
    }

    public static ContractApp withThreads(boolean cache, Backends b, int threads) throws Exception {
        return new ContractApp(cache, Shape.LAB, Set.of(), b, threads);
    }

    /** Caches every product the database holds, as a warm-up script run before grading would; how many. */
    public int warmAll() throws Exception {
        java.util.List<ObjectNode> all = withConnection(c -> {
            java.util.List<ObjectNode> rows = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM products");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
        for (ObjectNode p : all) {
            store(p.get("id").asInt(), p);
        }
        return all.size();
    }

    private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

    /** How many PUT and DELETE requests the app received. */
    public int writes() {
        return writes.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (faults.contains(Fault.HANG)) {
                stopping.await(120, TimeUnit.SECONDS);
                return;
            }
            if (faults.contains(Fault.HTML)) {
                send(ex, 200, "text/html", "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/health")) {
                health(ex);
            } else if (path.equals("/stats") && cache) {
                stats(ex);
            } else if (path.startsWith("/product/")) {
                int id = Integer.parseInt(path.substring("/product/".length()));
                switch (method) {
                    case "GET" -> product(ex, id);
                    case "PUT" -> {
                        writes.incrementAndGet();
                        put(ex, id);
                    }
                    case "DELETE" -> {
                        writes.incrementAndGet();
                        delete(ex, id);
                    }
                    default -> send(ex, 405, "application/json", "{\"error\":\"method not allowed\"}");
                }
            } else {
                send(ex, 404, "application/json", "{\"error\":\"not found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NumberFormatException e) {
            send(ex, 404, "application/json", "{\"error\":\"not found\"}");
        } catch (Exception e) {
            send(ex, 500, "application/json", JSON.createObjectNode().put("error", e.toString()).toString());
        } finally {
            ex.close();
        }
    }

    private void health(HttpExchange ex) throws IOException {
        String status;
        if (!cache) {
            send(ex, 200, "application/json", "{\"status\":\"healthy\"}");
            return;
        }
        if (faults.contains(Fault.HEALTH_LIES_REDIS_GONE)) {
            status = "connected";
        } else {
            try {
                status = "PONG".equals(redis(Jedis::ping)) ? "connected" : "disconnected";
            } catch (RuntimeException e) {
                status = "disconnected";
            }
        }
        send(ex, 200, "application/json", "{\"status\":\"healthy\",\"redis_status\":\"" + status + "\"}");
    }

    private void stats(HttpExchange ex) throws IOException {
        if (faults.contains(Fault.HARDCODED_STATS)) {
            send(ex, 200, "application/json", "{\"keyspace_hits\":9900,\"keyspace_misses\":100,"
                    + "\"total_requests\":10000,\"hit_ratio_percent\":99.0}");
            return;
        }
        String info = redis(j -> j.info("stats"));
        long hits = field(info, "keyspace_hits");
        long misses = field(info, "keyspace_misses");
        long total = hits + misses;
        ObjectNode o = JSON.createObjectNode().put("keyspace_hits", hits).put("keyspace_misses", misses)
                .put("total_requests", total)
                .put("hit_ratio_percent", total == 0 ? 0 : Math.round(hits * 10000.0 / total) / 100.0);
        send(ex, 200, "application/json", o.toString());
    }

    private static long field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    private void product(HttpExchange ex, int id) throws Exception {
        long t0 = System.nanoTime();
        boolean cached = cache && id <= shape.cachedUpTo();
        if (cached && faults.contains(Fault.DB_BEFORE_CACHE)) {
            query(id);
        }
        if (cached) {
            JsonNode hit;
            try {
                hit = load(id);
            } catch (RuntimeException e) {
                hit = null;
            }
            if (hit != null) {
                if (faults.contains(Fault.SLOW_HITS)) {
                    Thread.sleep(20);
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (faults.contains(Fault.FAKE_RESPONSE_TIME)) {
                    // as slow as a database round trip and its query, but left out of response_time_ms
                    busyWaitMicros(2 * DB_LATENCY_MICROS);
                }
                reply(ex, hit, ms, "HIT");
                return;
            }
        }
        if (faults.contains(Fault.SLEEPS_50_MS)) {
            Thread.sleep(50);
        }
        ObjectNode product = query(id);
        if (product == null) {
            send(ex, 404, "application/json", "{\"error\":\"product not found\"}");
            return;
        }
        if (cached) {
            try {
                store(id, product);
            } catch (RuntimeException e) {
                // the seed app logs a cache write error and still answers
            }
        }
        reply(ex, product, (System.nanoTime() - t0) / 1e6, cache ? "MISS" : null);
    }

    /** The key this app caches a product under: its shape's, or its one fixed key when the key ignores the id. */
    private String key(int id) {
        return faults.contains(Fault.KEY_IGNORES_ID) ? fixedKey : shape.key(id);
    }

    /** The cached product, read as this app's shape stores it, or null. */
    private JsonNode load(int id) throws IOException {
        if (!shape.hash()) {
            String text = redis(j -> j.get(key(id)));
            return text == null ? null : JSON.readTree(text);
        }
        java.util.Map<String, String> f = redis(j -> j.hgetAll(key(id)));
        return f.isEmpty() ? null : JSON.createObjectNode().put("id", Integer.parseInt(f.get("id")))
                .put("name", f.get("name")).put("price", Double.parseDouble(f.get("price")))
                .put("description", f.get("description")).put("views", Integer.parseInt(f.get("views")));
    }

    /** Caches the product as this app's shape does: SETEX of its JSON, or HSET then EXPIRE. */
    private void store(int id, JsonNode product) {
        String key = key(id);
        if (shape.hash()) {
            java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
            product.properties().forEach(e -> f.put(e.getKey(), e.getValue().asText()));
            redis(j -> j.hset(key, f));
            redis(j -> j.expire(key, 3600));
        } else if (faults.contains(Fault.SET_WITHOUT_TTL)) {
            redis(j -> j.set(key, product.toString()));
        } else {
            redis(j -> j.setex(key, 3600, product.toString()));
        }
    }

    private void reply(HttpExchange ex, JsonNode product, double ms, String status) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.set("product", product);
        o.put("response_time_ms", Math.round(ms * 1000) / 1000.0);
        if (!faults.contains(Fault.NO_CACHE_STATUS)) {
            o.put("cache_used", "HIT".equals(status));
        }
        if (status != null && faults.contains(Fault.LABELS_ALWAYS_HIT)) {
            o.put("cache_status", "HIT");
        } else if (status != null && !faults.contains(Fault.NO_CACHE_STATUS)) {
            o.put("cache_status", status);
        }
        send(ex, 200, "application/json", o.toString());
    }

    private void put(HttpExchange ex, int id) throws Exception {
        if (!cache || faults.contains(Fault.NO_WRITE_ROUTES)) {
            send(ex, 405, "application/json", "{\"error\":\"method not allowed\"}");
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody().readNBytes(64 * 1024));
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (id, name, price, description, views) "
                    + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), price = VALUES(price), "
                    + "description = VALUES(description), views = VALUES(views)")) {
                ps.setInt(1, id);
                ps.setString(2, body.path("name").asText());
                ps.setBigDecimal(3, new java.math.BigDecimal(body.path("price").asText("0")));
                ps.setString(4, body.path("description").asText());
                ps.setInt(5, body.path("views").asInt());
                ps.executeUpdate();
            }
            return null;
        });
        ObjectNode product = query(id);
        store(id, product);
        ObjectNode o = JSON.createObjectNode();
        o.set("product", product);
        send(ex, 200, "application/json", o.toString());
    }

    private void delete(HttpExchange ex, int id) throws Exception {
        if (!cache || faults.contains(Fault.NO_WRITE_ROUTES)) {
            send(ex, 405, "application/json", "{\"error\":\"method not allowed\"}");
            return;
        }
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM products WHERE id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        redis(j -> j.del(key(id)));
        send(ex, 200, "application/json", "{\"deleted\":" + id + "}");
    }

    private ObjectNode query(int id) throws Exception {
        busyWaitMicros(DB_LATENCY_MICROS);
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM products WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        });
    }

    private static ObjectNode row(ResultSet rs) throws SQLException {
        return JSON.createObjectNode().put("id", rs.getInt("id")).put("name", rs.getString("name"))
                .put("price", rs.getBigDecimal("price").doubleValue())
                .put("description", rs.getString("description")).put("views", rs.getInt("views"));
    }

    /** Sleeps about {@code micros}: Thread.sleep alone overshoots by a millisecond on some kernels. */
    private static void busyWaitMicros(long micros) throws InterruptedException {
        long end = System.nanoTime() + micros * 1000;
        if (micros > 1500) {
            Thread.sleep((micros - 1000) / 1000);
        }
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private <T> T redis(Function<Jedis, T> f) {
        try (Jedis j = redisPool.getResource()) {
            return f.apply(j);
        }
    }

    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Sql<T> work) throws Exception {
        if (faults.contains(Fault.CONNECTION_PER_REQUEST)) {
            try (Connection own = backends.connect()) {
                return work.run(own);
            }
        }
        Connection c = connections.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new SQLException("no database connection free");
        }
        try {
            return work.run(c);
        } finally {
            connections.add(c);
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (faults.contains(Fault.KEY_IGNORES_ID)) {
            redis(j -> j.del(fixedKey));
        }
        stopping.countDown();
        server.stop(0);
        pool.shutdownNow();
        if (redisPool != null) {
            redisPool.close();
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at the end of a test
            }
        }
    }
}
