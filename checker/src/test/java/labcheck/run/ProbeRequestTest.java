package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import labcheck.probe.ProbeSettings;
import org.junit.jupiter.api.Test;

class ProbeRequestTest {

    private static ProbeRequest request(String app, String redis, String dbUrl, String dbPasswordEnv) {
        return new ProbeRequest(app, "http://127.0.0.1:5000/", redis, null, null, dbUrl, "grader", dbPasswordEnv,
                100, 0, Duration.ofSeconds(30), null);
    }

    @Test
    void settingsCarryTheAppsRedisAndDatabaseWithThePasswordFromTheEnvironment() {
        ProbeSettings s = request("http://127.0.0.1:5001/", "127.0.0.1:7001", "jdbc:mysql://127.0.0.1:3307/ecommerce",
                "LAB_DB_PW").settings(Map.of("LAB_DB_PW", "pw-from-env"));

        assertThat(s.appUrl()).isEqualTo("http://127.0.0.1:5001");
        assertThat(s.baselineUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(s.redisHost()).isEqualTo("127.0.0.1");
        assertThat(s.redisPort()).isEqualTo(7001);
        assertThat(s.dbUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3307/ecommerce");
        assertThat(s.toString()).doesNotContain("pw-from-env");
    }

    @Test
    void anAppUrlWithoutASchemeIsAUsageErrorThatSaysWhatToWrite() {
        assertThatThrownBy(() -> request("3.80.1.2:5001", null, null, null).settings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no scheme. Fix: write http://3.80.1.2:5001.");
    }

    @Test
    void anUnsetPasswordVariableIsNamed() {
        assertThatThrownBy(() -> request("http://127.0.0.1:5001", null, "jdbc:mysql://db:3306/ecommerce", "NOPE_PW")
                .settings(Map.of()))
                .hasMessageContaining("NOPE_PW is not set");
    }

    @Test
    void aDatabaseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> request("http://127.0.0.1:5001", null,
                "jdbc:mysql://db:3306/ecommerce?password=s3cret", null).settings(Map.of()))
                .hasMessageContaining("carries credentials")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> request("http://127.0.0.1:5001", null, "jdbc:postgresql://db/x", null)
                .settings(Map.of()))
                .hasMessageContaining("not a MySQL JDBC URL");
    }
}
