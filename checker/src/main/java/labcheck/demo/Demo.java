package labcheck.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import labcheck.evidence.Evidence;
import labcheck.evidence.Subject;
import labcheck.probe.Credentials;
import labcheck.probe.DbTarget;
import labcheck.probe.Limits;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.rubric.Thresholds;
import labcheck.run.LiveRun;
import labcheck.text.Numbers;

/**
 * The demo's run: the reference app (cache and no-cache) on embedded Redis and MariaDB,
 * probed live for every app-side item; the AWS items come from {@link SampleAccount}.
 *
 * <pre>{@code
 * Evidence e = Demo.run(DemoLab.locate(null, System.getenv()), Clock.systemUTC(), System.err::println, lab -> {});
 * }</pre>
 * Everything it starts is stopped before it returns, also when interrupted.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * @param source   where the reference app's embedded lab is ({@link DemoLab#locate})
     * @param progress one line per step
     * @param started  called with the running lab (e.g. to stop it from a shutdown hook)
     */
    public static Evidence run(DemoLab.Source source, Clock clock, Consumer<String> progress,
                               Consumer<DemoLab> started) {
        progress.accept("Starting embedded Redis and MariaDB from " + source
                + ", seeding 1005 products, starting both apps...");
        long t0 = System.nanoTime();
        try (DemoLab lab = DemoLab.start(source)) {
            started.accept(lab);
            progress.accept("Reference app up in " + Numbers.seconds((System.nanoTime() - t0) / 1e9) + ": cache app "
                    + lab.cacheUrl() + ", no-cache app " + lab.baselineUrl() + ".");
            // extension 2, as the reference app's --warm does: the most viewed products cached before serving
            int warmed = lab.warm(Thresholds.seedDefaults().warmTopProducts());
            progress.accept(warmed < 0 ? "This reference-app.jar cannot warm its cache (it is older than labcheck), so"
                    + " the cache-warming bonus will show the cache unwarmed."
                    : "Warmed the cache with the " + warmed + " most viewed products (extension 2).");
            char[] dbPassword = lab.dbPassword() == null ? null : lab.dbPassword().toCharArray();
            char[] redisPassword = lab.redisPassword() == null ? null : lab.redisPassword().toCharArray();
            ProbeSettings probe = ProbeSettings.of(lab.cacheUrl(), lab.baselineUrl())
                    .withRedis(RedisTarget.of(lab.redisHost(), lab.redisPort(), false)
                            .withCredentials(Credentials.of(null, redisPassword)))
                    .withDb(DbTarget.of(lab.jdbcUrl(), Credentials.of(lab.dbUser(), dbPassword)))
                    .withLimits(Limits.DEFAULTS.withRequestsPerApp(100).withConcurrency(50)
                            .withLoadDuration(Duration.ofSeconds(3)).withBudget(Duration.ofSeconds(90)));
            java.util.Arrays.fill(dbPassword == null ? new char[0] : dbPassword, '\0');
            java.util.Arrays.fill(redisPassword == null ? new char[0] : redisPassword, '\0');
            Evidence sample = SampleAccount.evidence();
            Subject subject = new Subject("demo", "Reference app", sample.subject().region(),
                    sample.subject().clusterId(), lab.cacheUrl(), lab.baselineUrl(), SampleAccount.SOURCE);
            try {
                Evidence app = LiveRun.gather(new LiveRun.Plan(subject, null, probe), clock, progress, e -> { });
                return app.withAwsFrom(sample)
                        .withNote("AWS items graded from a sample account's evidence, not from your AWS account.");
            } finally {
                probe.close();
                progress.accept("Stopping the reference app, Redis and MariaDB...");
            }
        }
    }
}
