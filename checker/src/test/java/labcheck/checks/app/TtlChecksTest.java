package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
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
    void ttlPassesWithinTheBoundAndSaysWhatItFound() {
        var r = run(TTL, withTtls(3600, 12).evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).isEqualTo("In Redis at 127.0.0.1:6380, product:7 expires in 3600 s and product:8"
                + " expires in 12 s, within the bound of 3600 s.");
    }

    @Test
    void ttlFixFollowsTheRubricsBoundNotTheSeeds() {
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds tenMinutes = new Thresholds(seed.clusterId(), seed.allowedNodeTypes(), seed.allowedEngines(), 7, 1,
                6379, 600, 50, 80, 100, 1000, 0, 100);

        var r = run(TTL, withTtls(3590, 12).evidence(), tenMinutes);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("product:7 has TTL 3590 s").contains("between 1 and 600 s")
                .contains("Fix: store them with SETEX (redis_client.setex(key, 600, value))").doesNotContain("3600");
    }

    @Test
    void ttlFailsWithTheSetexFixWhenKeysNeverExpire() {
        var r = run(TTL, withTtls(-1, 3590).evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("product:7 has no expiry (TTL -1)").contains("Fix: store them with SETEX")
                .endsWith(".");
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
