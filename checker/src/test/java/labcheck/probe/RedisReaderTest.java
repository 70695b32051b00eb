package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import labcheck.evidence.Unavailable;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.embedded.RedisServer;

/** Reading the student's Redis: bounded values, and a message per cause that names its fix. */
class RedisReaderTest {

    private static RedisTarget settings(int port, boolean tls) {
        return RedisTarget.of("127.0.0.1", port, tls);
    }

    @Test
    void aHugeValueIsReadOnlyUpToABoundedPrefix() {
        Backends b = Backends.get();
        String big = "x".repeat(RedisReader.MAX_VALUE_BYTES * 16);
        try (Jedis writer = new Jedis(new HostAndPort("127.0.0.1", b.redisPort))) {
            writer.set("labcheck-test:huge", big);
            writer.set("labcheck-test:small", "{\"id\":1}");
        }
        RedisReader.Result r = RedisReader.connect(settings(b.redisPort, false), Duration.ofSeconds(5));
        try (RedisReader reader = r.reader()) {
            assertThat(reader.get("labcheck-test:huge")).hasSize(RedisReader.MAX_VALUE_BYTES);
            assertThat(reader.get("labcheck-test:small")).isEqualTo("{\"id\":1}");
            assertThat(reader.get("labcheck-test:absent")).isNull();
        } finally {
            try (Jedis writer = new Jedis(new HostAndPort("127.0.0.1", b.redisPort))) {
                writer.del("labcheck-test:huge", "labcheck-test:small");
            }
        }
    }

    @Test
    void aRedisRequiringAuthNamesTheFlagForThePasswordVariable() throws Exception {
        int port = Backends.freePort();
        RedisServer guarded = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("requirepass only-for-this-test").soutListener(l -> { }).serrListener(l -> { }).build();
        guarded.start();
        try {
            Unavailable why = RedisReader.connect(settings(port, false), Duration.ofSeconds(5)).unavailable();

            assertThat(why.code()).isEqualTo("AccessDenied");
            assertThat(why.message()).contains("NOAUTH", "--redis-password-env VAR");
        } finally {
            guarded.stop();
        }
    }

    @Test
    void tlsAgainstAPlainRedisSaysToDropRediss() {
        Unavailable why = RedisReader.connect(settings(Backends.get().redisPort, true), Duration.ofSeconds(2))
                .unavailable();

        assertThat(why.message()).contains("did not speak TLS", "without rediss://")
                .doesNotContain("run labcheck on the EC2 instance");
    }

    @Test
    void movedFromAClusterModeCacheGetsItsOwnMessage() {
        Unavailable why = RedisReader.unreachable(RedisTarget.of("cache", 6379, false),
                new JedisMovedDataException("MOVED 3999 10.0.1.5:6379", new HostAndPort("10.0.1.5", 6379), 3999), false);

        assertThat(why.message()).contains("answered MOVED: the cache has cluster mode enabled")
                .doesNotContain("run labcheck on the EC2 instance");
    }
}
