package labcheck.probe;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * An embedded Redis of a test class's own, on a free port below 32768, for tests that fill or
 * empty every database (the shared {@link Backends} Redis holds other tests' keys): started before
 * the class, emptied before each test, stopped by its handle after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PrivateRedis REDIS = new PrivateRedis();
 * ...
 * try (Jedis app = REDIS.client(2); RedisReader r = REDIS.reader()) { ... }
 * }</pre>
 */
final class PrivateRedis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private int port;
    private RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        port = Backends.freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").soutListener(l -> { }).serrListener(l -> { }).build();
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try (Jedis j = client(0)) {
            j.flushAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.stop();
    }

    int port() {
        return port;
    }

    /** A client of logical database {@code db}, as an app would hold one. */
    Jedis client(int db) {
        Jedis j = new Jedis("127.0.0.1", port);
        j.select(db);
        return j;
    }

    /** labcheck's reader of this Redis. */
    RedisReader reader() {
        return RedisReader.connect(RedisTarget.of("127.0.0.1", port, false), java.time.Duration.ofSeconds(5)).reader();
    }

}
