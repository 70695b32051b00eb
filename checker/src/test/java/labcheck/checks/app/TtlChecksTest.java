package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class TtlChecksTest {

    private static final String TTL = "redis_product_key_ttl_set";

    private static AppEvidenceFixture withTtls(long a, long b) {
        var f = new AppEvidenceFixture();
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
                new RedisKeysProbe.KeyState(7, "product:7", a != -2, a, true, AppEvidenceFixture.P7),
                new RedisKeysProbe.KeyState(8, "product:8", b != -2, b, true, AppEvidenceFixture.P8))));
        return f;
    }

    @Test
    void ttlIsUnverifiableFromOutsideTheVpcAndSaysWhereToRun() {
        var f = new AppEvidenceFixture();
        f.redis = AppEvidenceFixture.unreachableRedis();
        var r = run(TTL, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(r.message()).contains("EC2 instance").contains("SSH tunnel");
    }

    @Test
    void ttlPassesWithinTheBound() {
        assertThat(run(TTL, withTtls(3600, 12).evidence()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void ttlFailsWithTheSetexFixWhenKeysNeverExpire() {
        var r = run(TTL, withTtls(-1, 3590).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("product:7 has no expiry (TTL -1)").contains("SETEX").endsWith(".");
    }

    @Test
    void ttlFailsAboveTheBound() {
        assertThat(run(TTL, withTtls(86_400, 3590).evidence()).message()).contains("product:7 has TTL 86400 s");
    }

    @Test
    void ttlFailsWhenNoKeyWasFound() {
        var r = run(TTL, withTtls(-2, -2).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("None of the probed keys");
    }
}
