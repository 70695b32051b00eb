package labcheck.checks.app;

import static labcheck.checks.app.AppChecksOnContractAppsTest.LIMITS;
import static labcheck.checks.app.AppChecksOnContractAppsTest.probeAndGrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.probe.Backends;
import labcheck.probe.ContractApp;
import labcheck.probe.ContractApp.Fault;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Right answers and a measured baseline, on real apps over real Redis and MariaDB: an app that
 * serves one product for every id loses the lazy-loading item with a finding, a slowed no-cache
 * app does not buy a slow cache app the improvement, and honest apps of either connection
 * style keep every mark. The sleeps are tens of milliseconds against a bound of 15 and a
 * database that answers in about one: the assertions are on outcomes, never on timings.
 */
class AnswersAndBaselineOnContractAppsTest {

    private static final Backends BACKENDS = Backends.get();
    private static final String LAZY = "app_lazy_loading_miss_then_hit";
    private static final String IMPROVEMENT = "app_improvement_over_baseline";

    private static ProbeSettings settings(ContractApp app, ContractApp baseline, boolean db) {
        ProbeSettings s = ProbeSettings.of(app.url(), baseline.url())
                .withRedis(RedisTarget.of("127.0.0.1", BACKENDS.redisPort, false)).withLimits(LIMITS);
        return db ? s.withDb(DbTarget.of(BACKENDS.jdbcUrl(), Credentials.of("root", new char[0]))) : s;
    }

    @ParameterizedTest(name = "database readable: {0}")
    @ValueSource(booleans = {true, false})
    void givenAKeyThatIgnoresTheIdWhenProbedThenLazyLoadingFailsWithTheFindingNamingTheIdsAskedAndServed(boolean db)
            throws Exception {
        try (ContractApp baseline = ContractApp.baselineApp(BACKENDS);
             ContractApp app = ContractApp.cacheApp(BACKENDS, Fault.KEY_IGNORES_ID)) {
            Map<String, CheckRun> r = probeAndGrade(settings(app, baseline, db));

            CheckRun lazy = r.get(LAZY);
            assertThat(lazy.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(lazy.findings()).contains("wrong_product_served");
            assertThat(lazy.message())
                    .containsPattern("GET /product/\\d+ \\(cache_status HIT\\) answered product \\d+")
                    .contains(db ? "compared with the database's row" : "rows were not read from here (run with"
                            + " --db-url)");
            if (db) {
                assertThat(lazy.message()).containsPattern("; the database's is product \\d+");
                assertThat(r.get("app_cache_hits_skip_database").outcome()).isEqualTo(Outcome.FAILED);
            }
        }
    }

    @ParameterizedTest(name = "database readable: {0}")
    @ValueSource(booleans = {true, false})
    void givenANoCacheAppThatSleepsBesideASlowCacheAppWhenProbedThenItemSixIsLostWithTheFindingOrTheSheetSaysWhyNot(
            boolean db) throws Exception {
        try (ContractApp baseline = ContractApp.baselineApp(BACKENDS, Fault.SLEEPS_50_MS);
             ContractApp app = ContractApp.cacheApp(BACKENDS, Fault.SLOW_HITS)) {
            Map<String, CheckRun> r = probeAndGrade(settings(app, baseline, db));

            CheckRun improvement = r.get(IMPROVEMENT);
            if (!db) {
                assertThat(improvement.details()).contains("The no-cache app's time could not be corroborated");
                assertThat(improvement.findings()).isEmpty();
                return;
            }
            assertThat(improvement.outcome()).as(improvement.message()).isEqualTo(Outcome.FAILED);
            assertThat(improvement.findings()).containsExactly("baseline_slower_than_its_query");
            assertThat(improvement.message()).startsWith("The no-cache app is ")
                    .contains("slower than the query it needs").contains("graded against the measured database path");
            assertThat(CheckHarness.notPassed(r)).as(CheckHarness.describe(r)).containsOnlyKeys(IMPROVEMENT);
        }
    }

    @Test
    void givenASeedShapedNoCacheAppOpeningAConnectionPerRequestWhenProbedThenEveryMarkIsKept() throws Exception {
        try (ContractApp baseline = ContractApp.baselineApp(BACKENDS, Fault.CONNECTION_PER_REQUEST);
             ContractApp app = ContractApp.cacheApp(BACKENDS)) {
            Map<String, CheckRun> r = probeAndGrade(settings(app, baseline, true));

            assertThat(CheckHarness.notPassed(r)).as(CheckHarness.describe(r)).isEmpty();
            assertThat(r.get(IMPROVEMENT).details()).contains("opens one per request")
                    .contains("so the no-cache app's time is corroborated.");
            assertThat(r.get(LAZY).details()).contains("answers carried the product asked for");
            assertThat(r.values()).allSatisfy(run -> assertThat(run.findings()).isEmpty());
        }
    }
}
