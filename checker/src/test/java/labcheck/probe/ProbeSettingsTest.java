package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import labcheck.run.ProbeRequest;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

    @Test
    void theLeadsExampleBuildsWithTheSeedsDefaults() {
        char[] pw = "s3cret-db".toCharArray();
        ProbeSettings s = ProbeSettings.of("http://127.0.0.1:8081", "http://127.0.0.1:8080")
                .withRedis(RedisTarget.of("127.0.0.1", 6380, false))
                .withDb(DbTarget.of("jdbc:mysql://127.0.0.1:3307/ecommerce", Credentials.of("grader", pw)))
                .withLimits(Limits.DEFAULTS.withBudget(Duration.ofSeconds(60)));

        assertThat(s.limits().requestsPerApp()).isEqualTo(100);
        assertThat(s.limits().concurrency()).isZero();
        assertThat(s.limits().writeProbes()).isTrue();
        assertThat(s.source()).isEqualTo(Source.NONE);
        assertThat(s.toString()).contains("host=127.0.0.1, port=6380").contains("user=grader")
                .doesNotContain("s3cret");
    }

    @Test
    void credentialsAreCopiedSoTheCallerMayClearItsOwnAndCloseClearsEveryCopy() {
        char[] pw = "s3cret-db".toCharArray();
        ProbeSettings s = ProbeSettings.of("http://a", null).withDb(DbTarget.of("jdbc:mysql://h/db",
                Credentials.of("u", pw)));
        Arrays.fill(pw, '\0');
        ProbeSettings copy = s.withLimits(Limits.DEFAULTS.withRequestsPerApp(10));
        assertThat(new String(copy.db().credentials().password())).isEqualTo("s3cret-db");

        s.close();

        assertThat(new String(copy.db().credentials().password())).doesNotContain("s3cret");
        assertThat(copy.db().credentials().toString()).doesNotContain("s3cret").contains("(hidden)");
    }

    @Test
    void invalidSettingsAreRejectedWithWhatWasWrong() {
        assertThatThrownBy(() -> ProbeSettings.of("127.0.0.1:5001", null))
                .hasMessageContaining("an app URL must be an http:// or https:// URL");
        assertThatThrownBy(() -> Limits.DEFAULTS.withConcurrency(1001))
                .hasMessageContaining("concurrency must be between 0 and 1000");
        assertThatThrownBy(() -> Limits.DEFAULTS.withBudget(Duration.ZERO))
                .hasMessageContaining("budget must be a positive duration");
        assertThatThrownBy(() -> DbTarget.of("mysql://u:pw@h/db", null))
                .hasMessageContaining("jdbc:").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> RedisTarget.of("cache", 0, false)).hasMessageContaining("redis port");
    }

    @Test
    void aRedisTokenGivenWithoutAnAddressIsKeptWhenTheFoundEndpointIsFilledIn() {
        // GIVEN --redis-password-env but no --redis: the endpoint comes from ElastiCache later
        ProbeSettings given = ProbeRequest.builder().appUrl("http://127.0.0.1:5001").redisUser("default")
                .redisPasswordEnv("LAB_REDIS_TOKEN").requestsPerApp(100).budget(Duration.ofSeconds(30)).build()
                .settings(Map.of("LAB_REDIS_TOKEN", "tok-123"));
        assertThat(given.redis().given()).isFalse();

        // WHEN the found endpoint is filled in
        RedisTarget found = given.redis().withAddress("cache.abc123.use1.cache.amazonaws.com", 6379, true);

        // THEN the AUTH user and token are still there, with the found address, dialled there
        assertThat(found.endpoint()).isEqualTo("cache.abc123.use1.cache.amazonaws.com:6379");
        assertThat(found.dialHost()).isEqualTo("cache.abc123.use1.cache.amazonaws.com");
        assertThat(found.tls()).isTrue();
        assertThat(found.credentials().user()).isEqualTo("default");
        assertThat(found.credentials().password()).containsExactly("tok-123".toCharArray());
    }
}
