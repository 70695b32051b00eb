package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisTargetTest {

    @Test
    void hostAndPortAreReadFromEveryAcceptedForm() {
        assertThat(RedisTarget.parse("10.0.1.5:6380")).isEqualTo(RedisTarget.of("10.0.1.5", 6380, false));
        assertThat(RedisTarget.parse("cache.local")).isEqualTo(RedisTarget.of("cache.local", 6379, false));
        assertThat(RedisTarget.parse("redis://cache.local:7000")).isEqualTo(RedisTarget.of("cache.local", 7000, false));
        assertThat(RedisTarget.parse("rediss://master.x.use1.cache.amazonaws.com"))
                .isEqualTo(RedisTarget.of("master.x.use1.cache.amazonaws.com", 6379, true));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithTheFix() {
        assertThatThrownBy(() -> RedisTarget.parse("redis://default:hunter2@cache.local:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-password-env")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aBadPortOrSchemeIsExplained() {
        assertThatThrownBy(() -> RedisTarget.parse("cache.local:sixty")).hasMessageContaining("names port sixty, which is no TCP port");
        assertThatThrownBy(() -> RedisTarget.parse("cache.local:70000")).hasMessageContaining("names port 70000, which is no TCP port");
        assertThatThrownBy(() -> RedisTarget.parse("http://cache.local:6379")).hasMessageContaining("rediss://");
        assertThatThrownBy(() -> RedisTarget.parse(" ")).hasMessageContaining("empty");
    }
}
