package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

    @Test
    void theLeadsExampleBuildsWithTheSeedsDefaults() {
        char[] pw = "s3cret-db".toCharArray();
        ProbeSettings s = ProbeSettings.builder().appUrl("http://127.0.0.1:8081").baselineUrl("http://127.0.0.1:8080")
                .redis("127.0.0.1", 6380, false, null, null)
                .db("jdbc:mysql://127.0.0.1:3307/ecommerce", "grader", pw)
                .requestsPerApp(100).concurrency(0).budget(Duration.ofSeconds(60)).sourceFile(null).build();
        assertThat(s.requestsPerApp()).isEqualTo(100);
        assertThat(s.concurrency()).isZero();
        assertThat(s.writeProbes()).isTrue();
        assertThat(s.toString()).contains("127.0.0.1:6380").doesNotContain("s3cret");
    }

    @Test
    void theBuilderCopiesPasswordsSoTheCallerMayClearItsOwn() {
        char[] pw = "s3cret-db".toCharArray();
        ProbeSettings s = ProbeSettings.builder().appUrl("http://a").db("jdbc:mysql://h/db", "u", pw).build();
        java.util.Arrays.fill(pw, '\0');
        assertThat(new String(s.dbPassword())).isEqualTo("s3cret-db");
        s.clearSecrets();
        assertThat(new String(s.dbPassword())).doesNotContain("s3cret");
    }

    @Test
    void invalidSettingsAreRejectedWithWhatWasWrong() {
        assertThatThrownBy(() -> ProbeSettings.builder().appUrl("127.0.0.1:5001").build())
                .hasMessageContaining("appUrl must be an http:// or https:// URL");
        assertThatThrownBy(() -> ProbeSettings.builder().appUrl("http://a").concurrency(1001).build())
                .hasMessageContaining("concurrency must be between 0 and 1000");
        assertThatThrownBy(() -> ProbeSettings.builder().appUrl("http://a").budget(Duration.ZERO).build())
                .hasMessageContaining("budget must be a positive duration");
        assertThatThrownBy(() -> ProbeSettings.builder().db("mysql://u:pw@h/db", "u", null))
                .hasMessageContaining("jdbc:").hasMessageNotContaining("pw@");
    }

    @Test
    void aRedisTokenGivenWithoutAnAddressIsKeptWhenTheFoundEndpointIsFilledIn() {
        // GIVEN --redis-password-env but no --redis: the endpoint comes from ElastiCache later
        ProbeSettings given = new labcheck.run.ProbeRequest("http://127.0.0.1:5001", null, null, "default",
                "LAB_REDIS_TOKEN", null, null, null, 100, 0, Duration.ofSeconds(30), null)
                .settings(java.util.Map.of("LAB_REDIS_TOKEN", "tok-123"));

        // WHEN the found endpoint is filled in
        ProbeSettings found = given.toBuilder().redisAddress("cache.abc123.use1.cache.amazonaws.com", 6379, true)
                .build();

        // THEN the AUTH user and token are still there, with the found address
        assertThat(found.redisHost()).isEqualTo("cache.abc123.use1.cache.amazonaws.com");
        assertThat(found.redisTls()).isTrue();
        assertThat(found.redisUser()).isEqualTo("default");
        assertThat(found.redisPassword()).containsExactly("tok-123".toCharArray());
    }
}
