package labcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretGuardTest {

    private static final String KEY_ID = "AKIA" + "Q3EXAMPLE7KEYID0";

    @Test
    void aPasswordInAUrlIsRedactedAndTheRestOfTheTextKept() {
        String text = "cannot reach redis://default:hunter2@cache.example:6379 (timeout).";

        assertThat(SecretGuard.redact(text)).isEqualTo("cannot reach redis://[redacted]@cache.example:6379 (timeout).");
    }

    @Test
    void everyKindOfSecretIsRedactedAndTheRedactedTextIsClean() {
        Map<String, String> cases = Map.of(
                "key " + KEY_ID + " found", "key [redacted] found",
                "http://app:5001/?token=tok3n&x=1", "http://app:5001/?token=[redacted]&x=1",
                "jdbc:mysql://(host=db,password=pw9)/shop", "jdbc:mysql://(host=db,password=[redacted])/shop",
                "{\"password\": \"p\\\"w\"}", "{\"password\": \"[redacted]\"}",
                "    conn = connect(password='s3cret', user=\"app\")", "    conn = connect(password='[redacted]', user=\"app\")",
                "DB_PASSWORD = \"s3cret\"", "DB_PASSWORD = \"[redacted]\"",
                "aws_secret_access_key = wJalrXUtnFEMI", "aws_secret_access_key = [redacted]");

        cases.forEach((text, expected) -> {
            assertThat(SecretGuard.findSecret(text)).as(text).isNotNull();
            assertThat(SecretGuard.redact(text)).as(text).isEqualTo(expected);
            assertThat(SecretGuard.findSecret(SecretGuard.redact(text))).as(text).isNull();
        });
    }

    @Test
    void redactingJsonLeavesItValidJson() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("product",
                "{\"description\":\"mirror at https://admin:pa55@mirror.example/x\"}", "password", "a\"b"));

        String clean = SecretGuard.cleaned(json, "the test bundle");

        assertThat(new ObjectMapper().readTree(clean).path("product").asText())
                .isEqualTo("{\"description\":\"mirror at https://[redacted]@mirror.example/x\"}");
        assertThat(clean).doesNotContain("pa55", "a\\\"b");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Redis product-cache-cluster at redis://cache.example:6379; --db-password-env DB_PASSWORD;"
                + " \"dbPasswordEnv\":\"DB_PASSWORD\"; time: 12:30@noon.";

        assertThat(SecretGuard.findSecret(text)).isNull();
        assertThat(SecretGuard.redact(text)).isEqualTo(text);
    }
}
