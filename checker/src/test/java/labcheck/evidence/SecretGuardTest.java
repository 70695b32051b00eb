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

    /** A private key as a person pastes it: real newlines, JSON's escaped ones, or one line. */
    static final String RSA_BODY = "MIIEowIBAAKCAQEAx7Planted+KeyBody/Line1Qx71abcdefghijklmnopqrstuv\n"
            + "Zm9vYmFyYmF6cXV4Planted+KeyBody/Line2Wd93ABCDEFGHIJKLMNOPQRSTUVWX==";

    @Test
    void everyFormOfAPrivateKeyIsRedactedUpToItsEndLineAndTheRedactedTextIsClean() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + RSA_BODY + "\n-----END RSA PRIVATE KEY-----\n";
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B\n\n"
                + RSA_BODY + "\n-----END RSA PRIVATE KEY-----";
        String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        Map<String, String> cases = Map.of(
                "key: " + pem, "key: -----BEGIN RSA PRIVATE KEY-----\n[redacted]-----END RSA PRIVATE KEY-----\n",
                encrypted, "-----BEGIN RSA PRIVATE KEY-----\n[redacted]-----END RSA PRIVATE KEY-----",
                openssh, "-----BEGIN OPENSSH PRIVATE KEY-----\n[redacted]-----END OPENSSH PRIVATE KEY-----",
                "-----BEGIN EC PRIVATE KEY----- MHcCAQEEIPlanted", "-----BEGIN EC PRIVATE KEY----- [redacted]",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----MIIFHzBJBgkq", "-----BEGIN ENCRYPTED PRIVATE KEY-----[redacted]",
                "PuTTY-User-Key-File-3: ssh-rsa\nPrivate-Lines: 14\nAAABAQCPlanted\nPrivate-MAC: 1f",
                "PuTTY-User-Key-File-3: ssh-rsa\nPrivate-Lines: 14\n[redacted]",
                "cell b3BlbnNzaC1rZXktdjEAAAAABG5vbmU= pasted", "cell [redacted] pasted");

        cases.forEach((text, expected) -> {
            assertThat(SecretGuard.findSecret(text)).as(text).isNotNull();
            assertThat(SecretGuard.holdsPrivateKey(text)).as(text).isTrue();
            assertThat(SecretGuard.redact(text)).as(text).isEqualTo(expected);
            assertThat(SecretGuard.findSecret(SecretGuard.redact(text))).as(text).isNull();
        });
    }

    @Test
    void aPrivateKeyInJsonIsRedactedAndTheJsonStaysValid() throws Exception {
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + RSA_BODY + "\n-----END OPENSSH PRIVATE KEY-----\n";
        String json = new ObjectMapper().writeValueAsString(Map.of("reason", "ssh_key " + pem + " is not a file"));

        String clean = SecretGuard.cleaned(json, "the roster problems");

        assertThat(new ObjectMapper().readTree(clean).path("reason").asText()).isEqualTo("ssh_key -----BEGIN OPENSSH"
                + " PRIVATE KEY-----\n[redacted]-----END OPENSSH PRIVATE KEY-----\n is not a file");
        assertThat(clean).doesNotContain("Planted");
    }

    @Test
    void aKeysFileNameAndItsPublicHalfAreNotSecrets() {
        String text = "--ssh-key keys/s42.pem; ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPublicHalf s42@lab;"
                + " -----BEGIN PUBLIC KEY----- MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A";

        assertThat(SecretGuard.findSecret(text)).isNull();
        assertThat(SecretGuard.holdsPrivateKey(text)).isFalse();
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
