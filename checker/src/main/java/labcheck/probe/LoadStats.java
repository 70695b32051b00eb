package labcheck.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import labcheck.evidence.app.LoadTestResult;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What a load run counts, shared by its engine's threads: the measured window, latencies, errors. */
final class LoadStats {

    final long measureStart;
    final long measureEnd;
    private final long maxRequests;
    private final Histogram latency = new ConcurrentHistogram(1, Latencies.HIGHEST_MICROS, 3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Set<String> errorSamples = ConcurrentHashMap.newKeySet();
    private volatile boolean stop;
    private volatile boolean countLimited;

    LoadStats(long start, long warmupNanos, long durationNanos, long maxRequests) {
        measureStart = start + warmupNanos;
        measureEnd = measureStart + durationNanos;
        this.maxRequests = maxRequests;
    }

    /** Whether a new request may start at {@code now}. */
    boolean running(long now) {
        return !stop && now < measureEnd;
    }

    void stop() {
        stop = true;
    }

    /** Records one finished request sent at {@code t0}; only those inside the measured window count. */
    void record(long t0, long t1, boolean success, String error) {
        if (t0 < measureStart || t1 > measureEnd) {
            return;
        }
        if (success) {
            latency.recordValue(Math.max(1, Math.min(Latencies.HIGHEST_MICROS, (t1 - t0) / 1000)));
            if (ok.incrementAndGet() >= maxRequests) {
                countLimited = true;
                stop = true;
            }
        } else {
            errors.incrementAndGet();
            sample(error);
        }
    }

    void abandoned(long n, String why) {
        if (n > 0) {
            errors.addAndGet(n);
            sample(why);
        }
    }

    private void sample(String why) {
        if (errorSamples.size() < 5 && why != null) {
            errorSamples.add(why);
        }
    }

    /**
     * The result over {@code measuredNanos}; latency corrected for coordinated omission with the
     * expected interval of a closed loop, {@code concurrency / throughput}.
     */
    LoadTestResult result(int concurrency, long measuredNanos) {
        double seconds = measuredNanos / 1e9;
        long n = ok.get();
        double rps = n / seconds;
        Histogram raw = latency.copy();
        Histogram corrected = raw;
        if (n > 0) {
            corrected = raw.copyCorrectedForCoordinatedOmission(Math.max(1, Math.round(concurrency / rps * 1e6)));
        }
        return new LoadTestResult(concurrency, measuredNanos / 1_000_000, n, errors.get(), Math.round(rps * 10) / 10.0,
                Latencies.of(corrected), Latencies.of(raw), !countLimited, errorSamples.stream().sorted().toList());
    }
}
