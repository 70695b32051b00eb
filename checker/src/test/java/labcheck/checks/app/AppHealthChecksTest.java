package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.app.HealthProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class AppHealthChecksTest {

    private static final String HEALTH = "app_health_redis_connected";
    private static final String HIT = "app_cache_hit_observed";

    @Test
    void healthIsUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(HEALTH, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void healthPassesWhenConnectedAndHitsWereServed() {
        var r = run(HEALTH, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("redis_status=connected");
    }

    @Test
    void healthFailsWhenRedisIsDisconnected() {
        var f = new AppEvidenceFixture();
        f.health = Fact.of(new HealthProbe(200, "application/json", "healthy", "disconnected", null, null));
        var r = run(HEALTH, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("redis_status=disconnected").contains("6379").endsWith(".");
    }

    @Test
    void healthFailsWhenItAnswersHtml() {
        var f = new AppEvidenceFixture();
        f.health = AppEvidenceFixture.invalid("GET /health");
        assertThat(run(HEALTH, f.evidence()).message()).contains("HTML");
    }

    @Test
    void healthFailsWhenItClaimsConnectedButNothingWasEverAHit() {
        var f = new AppEvidenceFixture();
        f.lazy = Fact.of(new LazyLoadProbe(List.of(), true, 0, 120));
        var r = run(HEALTH, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("0 HIT, 120 MISS").contains("PING");
    }

    @Test
    void hitIsUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(HIT, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void hitPassesWhenAHitsKeyExistsInRedis() {
        var r = run(HIT, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("product:7 exists");
    }

    @Test
    void hitFailsWhenNoRequestWasAHit() {
        var f = new AppEvidenceFixture();
        var o = f.lazy.value().observations().get(0);
        f.lazy = Fact.of(new LazyLoadProbe(List.of(new ProductObservation(7, false, o.first(),
                AppEvidenceFixture.answer("MISS", 4, AppEvidenceFixture.P7), true)), true, 0, 2));
        var r = run(HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("HIT").contains("2 MISS");
    }

    @Test
    void hitFailsWhenTheClaimedHitsKeysAreAbsentFromRedis() {
        var f = new AppEvidenceFixture();
        f.redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
                new RedisKeysProbe.KeyState(7, "product:7", false, -2, false, null),
                new RedisKeysProbe.KeyState(8, "product:8", false, -2, false, null))));
        var r = run(HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("holds none of their product:<id> keys");
    }

    @Test
    void hitPassesUncorroboratedWhenRedisIsUnreachableAndSaysSo() {
        var f = new AppEvidenceFixture();
        f.redis = AppEvidenceFixture.unreachableRedis();
        var r = run(HIT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("not corroborated").contains("EC2 instance");
    }
}
