package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
            // where the probe's time went: every phase, in the order it ran, adding up to no more than the whole
            assertThat(app1.value().phasesMs().keySet()).containsSubsequence("connect", "health", "lazyLoad",
                    "hitWindow", "timing", "queryTimer", "redisKeys", "writes", "loadTest");
            assertThat(app1.value().phasesMs().values().stream().mapToLong(Long::longValue).sum())
                    .isLessThanOrEqualTo(app1.value().durationMs());
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

    @Test
    void theEvidenceNamesEachTargetAsTheInstanceSeesItWhileTheProbeDialsWhereItIsReached() throws Exception {
        // GIVEN every target named as an instance sees it (names that never resolve here) and dialled where it runs
        Backends b = Backends.get();
        int closed = Backends.freePort();
        try (ContractApp cache = ContractApp.cacheApp(b); ContractApp baseline = ContractApp.baselineApp(b)) {
            URI cacheAt = URI.create(cache.url());
            URI baselineAt = URI.create(baseline.url());
            ProbeSettings s = new ProbeSettings(new Apps(
                    AppTarget.at("http://app.instance.invalid:5001").via("127.0.0.1", cacheAt.getPort()),
                    AppTarget.at("http://app.instance.invalid:5000").via("127.0.0.1", baselineAt.getPort()), null),
                    RedisTarget.of("product-cache.abc123.0001.use1.cache.invalid", 6379, false)
                            .via("127.0.0.1", b.redisPort),
                    DbTarget.of("jdbc:mysql://products-db.abc.us-east-1.rds.invalid:3306/ecommerce?sslMode=DISABLED"
                            + "&allowPublicKeyRetrieval=true", Credentials.of("root", new char[0]))
                            .via("127.0.0.1", b.dbPort),
                    Limits.DEFAULTS.withRequestsPerApp(10).withBudget(Duration.ofSeconds(30)), null);

            // WHEN the app is probed
            AppEvidence e = new AppProbe(s).run().value();

            // THEN what was measured came from the dialled addresses...
            assertThat(e.lazyLoad().value().observations()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.cachedBefore()).as("Redis read before the MISS").isNotNull());
            assertThat(e.database().available()).as("%s", e.database().unavailable()).isTrue();
            assertThat(e.timing().available()).as("%s", e.timing().unavailable()).isTrue();
            // AND the evidence names each target as the instance sees it, and never where it was dialled
            assertThat(e.appUrl()).isEqualTo("http://app.instance.invalid:5001");
            assertThat(e.baselineUrl()).isEqualTo("http://app.instance.invalid:5000");
            assertThat(e.redis().value().endpoint()).isEqualTo("product-cache.abc123.0001.use1.cache.invalid:6379");
            assertThat(e.warmCache().value().endpoint()).isEqualTo(e.redis().value().endpoint());
            assertThat(e.database().value().url())
                    .isEqualTo("jdbc:mysql://products-db.abc.us-east-1.rds.invalid:3306/ecommerce");
            String json = EvidenceBundle.mapper().writeValueAsString(e);
            for (int dialled : new int[] {cacheAt.getPort(), baselineAt.getPort(), b.redisPort, b.dbPort}) {
                assertThat(json).doesNotContain("127.0.0.1:" + dialled);
            }

            // AND a target that cannot be reached where it is dialled is named as the instance sees it
            AppEvidence noRedis = new AppProbe(s.withRedis(s.redis().via("127.0.0.1", closed))
                    .withApps(new Apps(s.apps().app(), null, null))
                    .withLimits(s.limits().withWriteProbes(false))).run().value();
            assertThat(noRedis.redis().unavailable().message())
                    .contains("Redis at product-cache.abc123.0001.use1.cache.invalid:6379 is not reachable")
                    .doesNotContain(":" + closed);
        }
    }
}
