package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.app.AppEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppProbeTest {

    @Test
    void aSlowDrippingAppCannotHoldTheProbePastItsBudget() throws Exception {
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.SLOW_DRIP)) {
            long t0 = System.nanoTime();
            Fact<AppEvidence> e = new AppProbe(ProbeSettings.of(app.url(), app.url()).withLimits(Limits.DEFAULTS
                    .withConcurrency(10).withRequestTimeout(Duration.ofSeconds(2)).withBudget(Duration.ofSeconds(8))))
                    .run();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(9000);
            assertThat(e.available()).isTrue();
            assertThat(e.value().health().unavailable().code()).isEqualTo("Timeout");
            assertThat(e.value().lazyLoad().value().observations()).allSatisfy(o ->
                    assertThat(o.first().problem()).contains("no complete answer"));
            assertThat(e.value().loadTest().available()).isFalse();
        }
    }

    @Test
    void anUnreachableAppLeavesEveryPartUnavailableWithTheReason() throws Exception {
        String url = "http://127.0.0.1:" + Backends.freePort();
        AppEvidence e = new AppProbe(ProbeSettings.of(url, null)
                .withLimits(Limits.DEFAULTS.withBudget(Duration.ofSeconds(10)))).run().value();
        assertThat(e.health().unavailable().code()).isEqualTo("Unreachable");
        assertThat(e.health().unavailable().message()).contains("refused");
        assertThat(e.lazyLoad().unavailable().code()).isEqualTo("Unreachable");
        assertThat(e.timing().unavailable().code()).isEqualTo("NotCollected");
        assertThat(e.redis().unavailable().message()).contains("--redis");
    }

    @Test
    void evidenceFromARealProbeSurvivesTheBundleRoundTripWithoutSecrets(@TempDir Path dir) throws Exception {
        Backends b = Backends.get();
        Path source = dir.resolve("app_with_cache.py");
        Files.writeString(source, "@app.route('/product/<int:product_id>')\ndef get(product_id):\n"
                + "    cached = redis_client.get(f'product:{product_id}')\n"
                + "    cursor.execute('SELECT * FROM products WHERE id = %s', (product_id,))\n");
        try (ContractApp app = ContractApp.cacheApp(b)) {
            char[] password = "hunter2-secret".toCharArray();
            ProbeSettings s = ProbeSettings.of(app.url(), null)
                    .withRedis(RedisTarget.of("127.0.0.1", b.redisPort, false)
                            .withCredentials(Credentials.of("default", "redis-secret".toCharArray())))
                    .withDb(DbTarget.of(b.jdbcUrl(), Credentials.of("root", password))).withSource(Source.ofFile(source))
                    .withLimits(Limits.DEFAULTS.withRequestsPerApp(10).withBudget(Duration.ofSeconds(20)));
            assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("redis-secret");
            Fact<AppEvidence> app1 = new AppProbe(s).run();
            Evidence ev = Evidence.empty(new Subject("s1", "S", "us-east-1", null, app.url(), null, null), "t")
                    .withApp(app1);
            String json = EvidenceBundle.toJson(ev);
            assertThat(json).doesNotContain("hunter2").doesNotContain("redis-secret");
            Evidence back = EvidenceBundle.fromJson(json, "test");
            assertThat(back.app()).isEqualTo(app1);
            assertThat(app1.value().source().value().cacheReadBeforeDbQuery()).isTrue();
            assertThat(app1.value().source().value().cacheReadLine()).isEqualTo(3);
        }
    }

    @Test
    void anErrorInsideOneProbeIsRecordedForThatProbeOnly() {
        Fact<String> overflow = AppProbe.guard("The timing comparison", () -> {
            throw new StackOverflowError();
        });
        Fact<String> memory = AppProbe.guard("The load test", () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        Fact<String> fine = AppProbe.guard("The health probe", () -> Fact.of("healthy"));

        assertThat(overflow.unavailable().message()).startsWith("The timing comparison stopped on an unexpected"
                + " StackOverflowError; the other probes ran.");
        assertThat(memory.unavailable().message()).startsWith("The load test stopped on an unexpected"
                + " OutOfMemoryError (Java heap space)");
        assertThat(fine.value()).isEqualTo("healthy");
    }

    @Test
    void withNoWritesTheProbeSendsNoPutOrDeleteAndSaysWhichFlagSkippedThem() throws Exception {
        Backends b = Backends.get();
        try (ContractApp app = ContractApp.cacheApp(b)) {
            ProbeSettings base = ProbeSettings.of(app.url(), null)
                    .withRedis(RedisTarget.of("127.0.0.1", b.redisPort, false))
                    .withLimits(Limits.DEFAULTS.withRequestsPerApp(10).withBudget(Duration.ofSeconds(20)));

            AppEvidence readOnly = new AppProbe(base.withLimits(base.limits().withWriteProbes(false))).run().value();

            assertThat(app.writes()).as("PUT and DELETE requests received").isZero();
            assertThat(readOnly.writeThrough().unavailable().message()).contains("--no-writes (roster column"
                    + " no_writes) was given, so the probe sent no PUT or DELETE");
            assertThat(readOnly.delete().unavailable().message()).contains("--no-writes");
            assertThat(readOnly.lazyLoad().available()).as("nothing else changes").isTrue();

            new AppProbe(base).run();
            assertThat(app.writes()).as("without the flag the write probes do run").isPositive();
        }
    }
}
