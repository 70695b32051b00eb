package labcheck.checks.app;

import java.util.ArrayList;
import java.util.List;
import labcheck.engine.CheckHarness;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.DeleteProbe;
import labcheck.evidence.app.HealthProbe;
import labcheck.evidence.app.LatencySummary;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.LoadTestResult;
import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.SourceExcerpt;
import labcheck.evidence.app.StatsSnapshot;
import labcheck.evidence.app.StatsWindow;
import labcheck.evidence.app.TimingProbe;
import labcheck.evidence.app.WarmCacheProbe;
import labcheck.evidence.app.WriteProbe;

/** Hand-built app evidence: an honest app's, with each part replaceable by a test. */
public final class AppEvidenceFixture {

    static final String P7 = "{\"id\":7,\"name\":\"Product 7\",\"price\":10.5}";
    static final String P8 = "{\"id\":8,\"name\":\"Product 8\",\"price\":20.25}";

    Fact<HealthProbe> health = Fact.of(new HealthProbe(200, "application/json", "healthy", "connected", null, null));
    Fact<LazyLoadProbe> lazy = Fact.of(new LazyLoadProbe(List.of(
            new ProductObservation(7, false, answer("MISS", 4.1, P7), answer("HIT", 0.2, P7), true),
            new ProductObservation(8, false, answer("MISS", 4.3, P8), answer("HIT", 0.2, P8), true)),
            true, 132, 2));
    Fact<RedisKeysProbe> redis = Fact.of(new RedisKeysProbe("127.0.0.1:6380", List.of(
            new RedisKeysProbe.KeyState(7, "product:7", true, 3590, true, P7),
            new RedisKeysProbe.KeyState(8, "product:8", true, 3590, true, P8))));
    Fact<DatabaseProbe> database = Fact.of(new DatabaseProbe("jdbc:mysql://db:3306/ecommerce", 1005, 20, 0, 22, 0, 2));
    Fact<TimingProbe> timing = Fact.of(timing(0.3, 4.5, 1.2, 5.6, 4.4, 3.9, 4.9));
    Fact<StatsWindow> stats = Fact.of(new StatsWindow(new StatsSnapshot(100, 10, 110, 90.9),
            new StatsSnapshot(232, 12, 244, 95.1), 132, 2, 0));
    Fact<LoadTestResult> load = Fact.of(new LoadTestResult(100, 10_000, 50_000, 0, 5000,
            summary(50_000, 20, 25, 40, 60, 90), summary(50_000, 19, 24, 38, 55, 90), true, List.of()));
    Fact<WriteProbe> write = Fact.of(new WriteProbe(true, 7, 200, "HIT", true, true, true, null));
    Fact<DeleteProbe> delete = Fact.of(new DeleteProbe(true, 8, 200, 404, false, true, true, null));
    Fact<SourceExcerpt> source = Fact.notCollected("The app's source", "run with --source FILE.");
    List<String> notes = new ArrayList<>();
    Fact<WarmCacheProbe> warm = Fact.of(warm(1000, 100));

    static ProductAnswer answer(String status, double reportedMs, String product) {
        return new ProductAnswer(200, status, reportedMs, reportedMs + 0.8, product, null);
    }

    /** A ranking of {@code ranked} ids (1000, 999, ...) whose first {@code cached} keys existed. */
    static WarmCacheProbe warm(int ranked, int cached) {
        List<Integer> ids = new ArrayList<>();
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < ranked; i++) {
            ids.add(ranked - i);
            bits.append(i < cached ? '1' : '0');
        }
        return new WarmCacheProbe("127.0.0.1:6380", ids, bits.toString());
    }

    static LatencySummary summary(long n, double mean, double p50, double p95, double p99, double max) {
        return new LatencySummary(n, mean, mean / 3, p50, p95, p99, max);
    }

    /** A timing comparison: reported means, client means, and the measured saving's CI. */
    static TimingProbe timing(double appRep, double baseRep, double appClient, double baseClient,
                              double measured, double lo, double hi) {
        return TimingProbe.builder().requestsPerApp(100).warmupPerApp(10).ids(List.of(7, 8))
                .appReported(summary(100, appRep, appRep, appRep * 2, appRep * 3, appRep * 4))
                .baselineReported(summary(100, baseRep, baseRep, baseRep * 2, baseRep * 3, baseRep * 4))
                .appClient(summary(100, appClient, appClient, appClient * 2, appClient * 3, appClient * 4))
                .baselineClient(summary(100, baseClient, baseClient, baseClient * 2, baseClient * 3, baseClient * 4))
                .reportedSavingMs(baseRep - appRep).pairs(100)
                .reportedPairedSavingMs(baseRep - appRep).measuredSavingMs(measured)
                .measuredSavingLowMs(lo).measuredSavingHighMs(hi).appFailures(0).baselineFailures(0)
                .problems(List.of()).build();
    }

    static <T> Fact<T> unreachableRedis() {
        return Fact.unavailable(new Unavailable("Unreachable", "redis:10.0.1.5:6379", "Redis at 10.0.1.5:6379 is not "
                + "reachable from this host (connect timed out). An ElastiCache node only accepts connections from "
                + "inside its VPC: run labcheck on the EC2 instance, or open an SSH tunnel."));
    }

    static <T> Fact<T> invalid(String what) {
        return Fact.unavailable(new Unavailable("InvalidResponse", what, what + " answered HTML (<html>) instead of JSON."));
    }

    /** An honest app's evidence, every part measured (the source excerpt aside), for tests outside this package. */
    public static AppEvidence honest() {
        return new AppEvidenceFixture().build();
    }

    AppEvidence build() {
        return AppEvidence.builder().appUrl("http://app:5001").baselineUrl("http://app:5000").health(health)
                .lazyLoad(lazy).redis(redis).database(database).timing(timing).stats(stats)
                .loadTest(load).writeThrough(write).delete(delete).source(source).durationMs(1234)
                .notes(notes).warmCache(warm).build();
    }

    Evidence evidence() {
        return CheckHarness.evidence(Fact.of(build()));
    }

    /** Evidence with no app probe at all. */
    static Evidence noProbe() {
        return CheckHarness.evidence(Fact.notCollected("The app probe", "run with --app URL."));
    }
}
