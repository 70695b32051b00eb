package labcheck.probe;

import java.util.Arrays;
import labcheck.evidence.app.LatencySummary;
import org.HdrHistogram.Histogram;

/** Latency summaries: percentiles from an HdrHistogram of microseconds, mean and spread exact. */
final class Latencies {

    /** 1 µs to 10 minutes at 3 significant digits. */
    static final long HIGHEST_MICROS = 600_000_000L;

    private Latencies() {
    }

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    static long micros(double ms) {
        return Math.max(1, Math.min(HIGHEST_MICROS, Math.round(ms * 1000)));
    }

    /** Summary of samples in milliseconds; percentiles through an HdrHistogram. */
    public static LatencySummary ofMillis(double[] ms) {
        if (ms.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        Histogram h = newHistogram();
        for (double v : ms) {
            h.recordValue(micros(v));
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        double var = ms.length < 2 ? 0 : Arrays.stream(ms).map(v -> (v - mean) * (v - mean)).sum() / (ms.length - 1);
        return new LatencySummary(ms.length, round(mean), round(Math.sqrt(var)),
                pct(h, 50), pct(h, 95), pct(h, 99), round(Arrays.stream(ms).max().orElse(0)));
    }

    /** Summary of a histogram of microseconds. */
    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(), round(h.getMean() / 1000), round(h.getStdDeviation() / 1000),
                pct(h, 50), pct(h, 95), pct(h, 99), round(h.getMaxValue() / 1000.0));
    }

    private static double pct(Histogram h, double p) {
        return round(h.getValueAtPercentile(p) / 1000.0);
    }

    /** Rounded to the microsecond, so evidence files stay readable and stable. */
    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
