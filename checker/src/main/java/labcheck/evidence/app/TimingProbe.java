package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Locale;
import labcheck.evidence.Fact;

/**
 * The seed's timing comparison (N requests per app on the same ids, interleaved, warm-up
 * excluded), with the app-reported and the client-measured figures side by side.
 *
 * @param requestsPerApp     requests counted per app (after warm-up)
 * @param warmupPerApp       requests per app sent first and excluded
 * @param ids                the product ids cycled through
 * @param appReported        the cache app's {@code response_time_ms}
 * @param baselineReported   the no-cache app's {@code response_time_ms}
 * @param appClient          the cache app as the probe's client measured it
 * @param baselineClient     the no-cache app as the probe's client measured it
 * @param reportedSavingMs   baseline minus app, mean of reported times (the seed's figure)
 * @param measuredSavingMs   baseline minus app, mean of client times
 * @param measuredSavingLowMs  lower end of the 95% confidence interval of the measured saving
 * @param measuredSavingHighMs upper end of that interval
 * @param appFailures        app requests that gave no usable answer (with {@code problems})
 * @param baselineFailures   baseline requests that gave no usable answer
 * @param problems           distinct reasons for failures, a few at most
 * @param clientAt           where the client timings were taken when not on labcheck's own host
 *                           (e.g. "on the instance (curl over SSH)"), or why not there; null: this host
 * @param corroboration      how timings taken on the instance were held against labcheck's own clock;
 *                           null when labcheck's own client took them
 * @param database           the database work a miss needs, timed by labcheck beside the apps (what the
 *                           no-cache app's time is corroborated with), or why it could not be; null in
 *                           bundles from before it existed
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingProbe(int requestsPerApp, int warmupPerApp, List<Integer> ids,
                          LatencySummary appReported, LatencySummary baselineReported,
                          LatencySummary appClient, LatencySummary baselineClient,
                          double reportedSavingMs, int pairs, double reportedPairedSavingMs,
                          double measuredSavingMs,
                          double measuredSavingLowMs, double measuredSavingHighMs,
                          int appFailures, int baselineFailures, List<String> problems, String clientAt,
                          TimingCorroboration corroboration,
                          Fact<QueryTiming> database) {

    public TimingProbe {
        ids = List.copyOf(ids);
        problems = List.copyOf(problems);
    }

    /** The comparison in figures for the judge: each app as reported and as measured, the improvement, the saving. */
    public String describe() {
        return "Timing over " + requestsPerApp + " requests per app (" + warmupPerApp + " warm-up excluded), ids " + ids
                + ", interleaved" + (clientAt == null ? "" : ", client timings taken " + clientAt) + ":\n"
                + row("cache app, reported", appReported) + row("no-cache app, reported", baselineReported)
                + row("cache app, measured", appClient) + row("no-cache app, measured", baselineClient)
                + String.format(Locale.ROOT, "improvement (seed formula, reported means): %.1f%%; measured means:"
                        + " %.1f%%\n", reportedImprovementPercent(), measuredImprovementPercent())
                + String.format(Locale.ROOT, "saving per request: reported %.3f ms (means), %.3f ms (median of %d"
                        + " pairs); measured %.3f ms (median of pairs, 95%% CI %.3f to %.3f ms)", reportedSavingMs,
                        reportedPairedSavingMs, pairs, measuredSavingMs, measuredSavingLowMs, measuredSavingHighMs)
                + (appFailures + baselineFailures == 0 ? "" : "\nfailures: cache app " + appFailures
                + ", no-cache app " + baselineFailures + " " + problems)
                + (corroboration == null ? "" : "\n" + corroboration.describe());
    }

    private static String row(String name, LatencySummary s) {
        return String.format(Locale.ROOT, "  %-24s n=%d mean=%.3f p50=%.3f p95=%.3f p99=%.3f max=%.3f ms%n",
                name, s.count(), s.mean(), s.p50(), s.p95(), s.p99(), s.max());
    }

    /** The seed's improvement: (baseline - app) / baseline of the app-reported means, in percent. */
    public double reportedImprovementPercent() {
        return baselineReported.mean() <= 0 ? 0 : reportedSavingMs / baselineReported.mean() * 100;
    }

    /** The same formula on the client-measured means, in percent (diluted by network time: shown, not graded). */
    public double measuredImprovementPercent() {
        return baselineClient.mean() <= 0 ? 0 : measuredSavingMs / baselineClient.mean() * 100;
    }

    /**
     * How much slower, in ms, the no-cache app's measured median is than what its database work
     * explains: the cache app's measured median (its HTTP round trip, the fastest path there is)
     * plus the database work that matches the no-cache app's behaviour. Null when that work could
     * not be timed.
     */
    public Double baselineExcessMs() {
        if (database == null || !database.available()) {
            return null;
        }
        return micros(baselineClient.p50() - explainedBaselineMs());
    }

    /** What a no-cache request needs by labcheck's own clock: the cache app's median plus the database work. */
    public double explainedBaselineMs() {
        return micros(appClient.p50() + database.value().neededMs());
    }

    /**
     * The seed's improvement with the no-cache app's time replaced by what its database work
     * explains ({@link #explainedBaselineMs()}), in percent: what the cache saves over querying the
     * database, by labcheck's own clock.
     */
    public double improvementOverDatabasePathPercent() {
        double explained = explainedBaselineMs();
        return explained <= 0 ? 0 : (explained - appClient.p50()) / explained * 100;
    }

    private static double micros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** A builder with every field unset (null: unknown; a number, 0), for collectors and test fixtures. */
    public static TimingProbeBuilder builder() {
        return TimingProbeBuilder.builder();
    }

    /** A builder holding this TimingProbe's fields, to change some and build a new one. */
    public TimingProbeBuilder toBuilder() {
        return TimingProbeBuilder.builder(this);
    }
}
