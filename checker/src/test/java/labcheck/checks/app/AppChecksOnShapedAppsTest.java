package labcheck.checks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.KeyScheme;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.probe.AppProbe;
import labcheck.probe.Backends;
import labcheck.probe.ContractApp;
import labcheck.probe.ContractApp.Shape;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.Limits;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Honest caches of the shapes students write, probed over real Redis and MariaDB: another key
 * name, another logical database, a hash, a cache warmed with every product, one that caches
 * only some ids. Each earns what the lab's own shape earns, or what the rubric's policy decides,
 * and the sheet names the shape it found.
 */
class AppChecksOnShapedAppsTest {

    private static final String MISS_HIT = "app_lazy_loading_miss_then_hit";
    private static final String POPULATED = "redis_product_key_populated_on_miss";
    private static final String WARM = "app_cache_warmed_top_products";

    private static final Limits LIMITS = Limits.DEFAULTS.withRequestsPerApp(60).withConcurrency(16)
            .withLoadDuration(Duration.ofSeconds(1)).withRequestTimeout(Duration.ofSeconds(2))
            .withBudget(Duration.ofSeconds(40));

    private static Backends backends;
    private static ContractApp baseline;

    @BeforeAll
    static void start() throws Exception {
        backends = Backends.get();
        baseline = ContractApp.baselineApp(backends);
    }

    @AfterAll
    static void stop() {
        baseline.close();
    }

    /** Every test starts from an empty Redis: what is cached is what the test's app cached. */
    @BeforeEach
    void emptyRedis() {
        try (Jedis j = redis()) {
            j.flushAll();
        }
    }

    private static Jedis redis() {
        return new Jedis("127.0.0.1", backends.redisPort);
    }

    private static ProbeSettings settings(ContractApp app, Limits limits) {
        return ProbeSettings.of(app.url(), baseline.url())
                .withRedis(RedisTarget.of("127.0.0.1", backends.redisPort, false))
                .withDb(DbTarget.of(backends.jdbcUrl(), Credentials.of("root", new char[0])))
                .withLimits(limits);
    }

    private static AppEvidence probe(ContractApp app, Limits limits) {
        Fact<AppEvidence> e = new AppProbe(settings(app, limits)).run();
        assertThat(e.available()).as("probe result %s", e.unavailable()).isTrue();
        return e.value();
    }

    private static Map<String, CheckRun> grade(AppEvidence app, Thresholds thresholds) {
        Evidence e = CheckHarness.evidence(Fact.of(app));
        Map<String, CheckRun> r = new java.util.TreeMap<>();
        for (String id : CheckHarness.gradeArea("app", e).keySet()) {
            r.put(id, CheckHarness.run(id, e, thresholds));
        }
        r.remove(WARM);
        System.out.println(CheckHarness.describe(r));
        return r;
    }

    private static Map<String, CheckRun> grade(AppEvidence app) {
        return grade(app, Thresholds.seedDefaults());
    }

    private static Thresholds noMissPath(String policy) {
        return Thresholds.seedDefaults().toBuilder().lazyLoadingWhenNoMissPath(policy).build();
    }

    /** An honest shape earns every app check, with no finding, and the evidence names the scheme found. */
    private static AppEvidence earnsEverything(Shape shape) throws Exception {
        try (ContractApp app = ContractApp.shaped(backends, shape)) {
            AppEvidence e = probe(app, LIMITS);
            Map<String, CheckRun> r = grade(e);
            assertThat(CheckHarness.notPassed(r)).as(CheckHarness.describe(r)).isEmpty();
            assertThat(r).hasSize(11);
            assertThat(r.values()).allSatisfy(run -> assertThat(run.findings()).isEmpty());
            return e;
        }
    }

    @Test
    void aCacheUnderAnotherKeyNameEarnsEveryAppCheckAndTheSheetNamesTheKeysFound() throws Exception {
        AppEvidence e = earnsEverything(Shape.LAB.withKey("product:v2:%d"));

        assertThat(e.keyScheme().pattern()).isEqualTo("product:v2:<id>");
        assertThat(e.keyScheme().foundBy()).isIn(KeyScheme.APPEARED, KeyScheme.NAMED);
        assertThat(e.redis().value().keys()).allSatisfy(k -> assertThat(k.key()).startsWith("product:v2:"));
        assertThat(grade(e).get(POPULATED).details()).contains("Product keys: keys like product:v2:<id> (string values)");
        assertThat(e.notes()).anyMatch(n -> n.contains("does not cache products as product:<id> in db 0"));
    }

    @Test
    void aCacheInAnotherLogicalDatabaseEarnsEveryAppCheck() throws Exception {
        AppEvidence e = earnsEverything(Shape.LAB.inDb(3));

        assertThat(e.keyScheme().db()).isEqualTo(3);
        assertThat(e.keyScheme().where()).isEqualTo("product:<id> in db 3");
        assertThat(grade(e).get("redis_product_key_ttl_set").message()).contains("expires in");
    }

    @Test
    void aHashUnderTheLabsOwnKeyIsReadAsAHashNeverAsAnUnreachableRedis() throws Exception {
        AppEvidence e = earnsEverything(Shape.LAB.asHash());

        assertThat(e.redis().available()).isTrue();
        assertThat(e.redis().value().keys()).allSatisfy(k -> {
            assertThat(k.type()).isEqualTo("hash");
            assertThat(k.matchesProduct()).isTrue();
            assertThat(k.ttlSeconds()).isBetween(1L, 3600L);
        });
        assertThat(e.keyScheme().lab()).isTrue();
    }

    @Test
    void aHashUnderAnotherNameInAnotherDatabaseEarnsEveryAppCheck() throws Exception {
        AppEvidence e = earnsEverything(Shape.LAB.withKey("item_%d").inDb(2).asHash());

        assertThat(e.keyScheme().where()).isEqualTo("item_<id> in db 2");
        assertThat(e.keyScheme().type()).isEqualTo("hash");
    }

    @Test
    void aCacheWarmedWithEveryProductIsStillTimedAndCountedAndLazyLoadingIsTheRubricsCall() throws Exception {
        try (ContractApp app = ContractApp.shaped(backends, Shape.LAB)) {
            assertThat(app.warmAll()).isEqualTo(1005);
            AppEvidence e = probe(app, LIMITS);
            Map<String, CheckRun> seed = grade(e);

            // the seed rubric: the two miss-path cells are unverifiable with the reason; every other app mark is earned
            assertThat(CheckHarness.notPassed(seed)).as(CheckHarness.describe(seed)).isEqualTo(Map.of(
                    MISS_HIT, Outcome.UNVERIFIABLE, POPULATED, Outcome.UNVERIFIABLE));
            assertThat(seed.get(MISS_HIT).message()).contains("no miss path observed: every product was cached"
                    + " before the first request").contains("thresholds.lazyLoadingWhenNoMissPath: unverifiable");
            assertThat(e.lazyLoad().value().noMissPath()).isTrue();

            Map<String, CheckRun> credit = grade(e, noMissPath(Thresholds.NO_MISS_PATH_CREDIT));
            assertThat(CheckHarness.notPassed(credit)).as(CheckHarness.describe(credit)).isEmpty();
            assertThat(credit.get(MISS_HIT).message()).contains("credited by the rubric");

            Map<String, CheckRun> fail = grade(e, noMissPath(Thresholds.NO_MISS_PATH_FAIL));
            assertThat(CheckHarness.notPassed(fail)).isEqualTo(Map.of(MISS_HIT, Outcome.FAILED,
                    POPULATED, Outcome.FAILED));
        }
    }

    @Test
    void aCacheWarmedUnderAnotherNameInAnotherDatabaseIsFoundBeforeTheFirstRequest() throws Exception {
        try (ContractApp app = ContractApp.shaped(backends, Shape.LAB.withKey("shop:product:%d").inDb(2).asHash())) {
            app.warmAll();
            AppEvidence e = probe(app, LIMITS);
            Map<String, CheckRun> r = grade(e);

            assertThat(e.keyScheme().where()).isEqualTo("shop:product:<id> in db 2");
            assertThat(e.keyScheme().foundBy()).isEqualTo(KeyScheme.NAMED);
            assertThat(CheckHarness.notPassed(r)).as(CheckHarness.describe(r)).isEqualTo(Map.of(
                    MISS_HIT, Outcome.UNVERIFIABLE, POPULATED, Outcome.UNVERIFIABLE));
            CheckRun warm = CheckHarness.run(WARM, CheckHarness.evidence(Fact.of(e)));
            assertThat(warm.outcome()).as(warm.message()).isEqualTo(Outcome.PASSED);
        }
    }

    @Test
    void withTheRubricsResetSwitchLabcheckDeletesOnlyTheProductKeysItThenAsksFor() throws Exception {
        try (ContractApp app = ContractApp.shaped(backends, Shape.LAB); Jedis j = redis()) {
            app.warmAll();
            j.set("session:42", "a student's own data");
            AppEvidence e = probe(app, LIMITS.withResetKeys(true));
            Map<String, CheckRun> r = grade(e);

            assertThat(CheckHarness.notPassed(r)).as(CheckHarness.describe(r)).isEmpty();
            List<String> reset = e.lazyLoad().value().keysReset();
            assertThat(reset).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.lazyIds())
                    .allSatisfy(k -> assertThat(k).matches("product:\\d+"));
            assertThat(r.get(MISS_HIT).details()).contains("labcheck deleted " + reset);
            assertThat(j.get("session:42")).isEqualTo("a student's own data");
            // the app cached again what it served: nothing of the student's is lost
            assertThat(j.dbSize()).isEqualTo(1006);
        }
    }

    @Test
    void anAppCachingOnlySomeIdsIsToldWhichAndItsHonestMissLabelsContradictNothing() throws Exception {
        try (ContractApp app = ContractApp.shaped(backends, Shape.LAB.upTo(5))) {
            // the student tried the five named products by hand: those are cached, no other id ever is
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (int id = 1; id <= 5; id++) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url() + "/product/" + id))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            }
            AppEvidence e = probe(app, LIMITS);
            Map<String, CheckRun> r = grade(e);

            assertThat(r.values()).allSatisfy(run -> assertThat(run.findings()).as(run.message())
                    .doesNotContain("cache_status_contradicted"));
            assertThat(r.get(MISS_HIT).message()).contains("it was never cached: neither request asked Redis")
                    .contains("the MISS labels say so truly").doesNotContain("is a claim, and it is wrong");
            RedisKeysProbe keys = e.redis().value();
            assertThat(keys.coverage()).isNotNull();
            assertThat(r.get(POPULATED).message()).contains("after the probe Redis held keys for ids 1-5 only (5 of"
                    + " 1-1005); ids 6-1005 had none");
        }
    }
}
