package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import labcheck.probe.ProbeSettings;
import org.junit.jupiter.api.Test;

class ProbeRequestTest {

    private static ProbeRequest request(String app, String redis, String dbUrl, String dbPasswordEnv) {
        return ProbeRequest.builder().appUrl(app).baselineUrl("http://127.0.0.1:5000/").redis(redis).dbUrl(dbUrl)
                .dbUser("grader").dbPasswordEnv(dbPasswordEnv).requestsPerApp(100).budget(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void settingsCarryTheAppsRedisAndDatabaseWithThePasswordFromTheEnvironment() {
        ProbeSettings s = request("http://127.0.0.1:5001/", "127.0.0.1:7001", "jdbc:mysql://127.0.0.1:3307/ecommerce",
                "LAB_DB_PW").settings(Map.of("LAB_DB_PW", "pw-from-env"));

        assertThat(s.apps().app().url()).isEqualTo("http://127.0.0.1:5001");
        assertThat(s.apps().baseline().url()).isEqualTo("http://127.0.0.1:5000");
        assertThat(s.redis().host()).isEqualTo("127.0.0.1");
        assertThat(s.redis().port()).isEqualTo(7001);
        assertThat(s.db().jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3307/ecommerce");
        assertThat(s.db().credentials().user()).isEqualTo("grader");
        assertThat(s.toString()).doesNotContain("pw-from-env");
        // as the user named them, nothing forwarded: each is dialled where it is
        assertThat(s.apps().app().dialUrl()).isEqualTo(s.apps().app().url());
        assertThat(s.db().dialUrl()).isEqualTo(s.db().jdbcUrl());
    }

    @Test
    void aPortNoServerListensOnIsRefusedInTheAppTheBaselineAndRedisWithTheUsualOne() {
        for (String port : new String[] {"0", "65536", "99999", "abc"}) {
            assertThatThrownBy(() -> request("http://3.80.1.2:" + port, null, null, null).settings(Map.of()))
                    .as("--app port %s", port).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the app URL (--app) 'http://3.80.1.2:" + port + "' names port " + port + ", which is"
                            + " no TCP port. Fix: give the port it listens on, from 1 to 65535, e.g."
                            + " http://3.80.1.2:5001.");
            assertThatThrownBy(() -> request("http://127.0.0.1:5001", "127.0.0.1:" + port, null, null)
                    .settings(Map.of())).as("--redis port %s", port)
                    .hasMessageStartingWith("the Redis endpoint '127.0.0.1:" + port + "' names port " + port)
                    .hasMessageEndingWith("e.g. 127.0.0.1:6379.");
            assertThatThrownBy(() -> request("http://127.0.0.1:5001", "rediss://cache.example:" + port, null, null)
                    .settings(Map.of())).as("--redis rediss:// port %s", port)
                    .hasMessageEndingWith("e.g. rediss://cache.example:6379.");
        }
        assertThatThrownBy(() -> ProbeRequest.builder().appUrl("http://127.0.0.1:5001")
                .baselineUrl("http://127.0.0.1:0").requestsPerApp(100).budget(Duration.ofSeconds(30)).build()
                .settings(Map.of())).hasMessageStartingWith("the no-cache app URL (--baseline) 'http://127.0.0.1:0'"
                        + " names port 0").hasMessageEndingWith("e.g. http://127.0.0.1:5000.");
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

    @Test
    void aPasswordGivenWhereItsVariablesNameBelongsIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> request("http://127.0.0.1:5001", null, "jdbc:mysql://db:3306/ecommerce",
                "hunter2-Pl4nted!").settings(Map.of()))
                .hasMessageContaining("--db-password-env must name an environment variable such as DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProbeRequest.builder().appUrl("http://127.0.0.1:5001").redis("127.0.0.1:6379")
                .redisPasswordEnv("lowercasepassword").requestsPerApp(100).budget(Duration.ofSeconds(30)).build()
                .settings(Map.of()))
                .hasMessageContaining("--redis-password-env must name an environment variable")
                .hasMessageNotContaining("lowercasepassword");
    }

    @Test
    void credentialsOrATokenInTheAppUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> request("admin:Pl4ntedPw@3.80.1.2:5001", null, null, null).settings(Map.of()))
                .hasMessageContaining("carries credentials (user:password@) and has no scheme. Fix: write"
                        + " http://3.80.1.2:5001")
                .hasMessageNotContaining("Pl4ntedPw");
        assertThatThrownBy(() -> request("http://3.80.1.2:5001/?token=Pl4ntedTok", null, null, null)
                .settings(Map.of()))
                .hasMessageContaining("carries a query or fragment")
                .hasMessageNotContaining("Pl4ntedTok");
    }

    @Test
    void anUpperCaseSchemeAsASpreadsheetWritesItIsNormalised() {
        ProbeSettings s = request("HTTP://127.0.0.1:5001", null, null, null).settings(Map.of());

        assertThat(s.apps().app().url()).isEqualTo("http://127.0.0.1:5001");
    }

    @Test
    void aJdbcKeyValueUrlHoldingAPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> request("http://127.0.0.1:5001", null,
                "jdbc:mysql://(host=db.example,port=3306,password=Pl4ntedKv)/ecommerce", null).settings(Map.of()))
                .hasMessageContaining("carries credentials or parameters")
                .hasMessageNotContaining("Pl4ntedKv");
    }

    @Test
    void aRedisAuthTokenHoldingAHashInTheEndpointIsRefusedWithoutEchoingIt() {
        for (String endpoint : new String[] {"redis://:Pl4nted#tok@cache.example:6379", ":Pl4nted#tok@cache:6379"}) {
            assertThatThrownBy(() -> request("http://127.0.0.1:5001", endpoint, null, null).settings(Map.of()))
                    .as(endpoint)
                    .hasMessageContaining("carries credentials")
                    .hasMessageContaining("--redis-password-env")
                    .hasMessageNotContaining("Pl4nted");
        }
    }

    @Test
    void noWritesTurnsTheWriteProbesOff() {
        ProbeRequest on = request("http://127.0.0.1:5001", null, null, null);
        ProbeRequest off = ProbeRequest.builder().appUrl("http://127.0.0.1:5001").requestsPerApp(100)
                .budget(Duration.ofSeconds(30)).noWrites(true).build();

        assertThat(on.settings(Map.of()).limits().writeProbes()).isTrue();
        assertThat(off.settings(Map.of()).limits().writeProbes()).isFalse();
    }
}
