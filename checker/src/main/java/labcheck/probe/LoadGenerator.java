package labcheck.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import labcheck.evidence.app.LoadTestResult;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load generator: {@code concurrency} requests kept in flight on
 * keep-alive connections, for a warm-up (not counted) and then a measured, time-boxed and
 * count-bounded window. Latency goes into an HdrHistogram; the reported figures are corrected
 * for coordinated omission with the expected interval {@code concurrency / throughput}
 * (HdrHistogram's {@code copyCorrectedForCoordinatedOmission}), the raw ones kept beside them.
 *
 * <pre>{@code
 * LoadTestResult r = new LoadGenerator(List.of(URI.create("http://127.0.0.1:8081/product/7")), 100)
 *     .warmup(Duration.ofSeconds(1)).duration(Duration.ofSeconds(10)).maxRequests(200_000).run();
 * }</pre>
 */
public final class LoadGenerator {

    private final List<URI> targets;
    private final int concurrency;
    private Duration warmup = Duration.ofSeconds(1);
    private Duration duration = Duration.ofSeconds(10);
    private long maxRequests = 1_000_000;
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(3);

    public LoadGenerator(List<URI> targets, int concurrency) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("the load generator needs at least one target URI");
        }
        if (concurrency < 1 || concurrency > ProbeSettings.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and "
                    + ProbeSettings.MAX_CONCURRENCY + ", was " + concurrency);
        }
        this.targets = List.copyOf(targets);
        this.concurrency = concurrency;
    }

    public LoadGenerator warmup(Duration d) {
        warmup = d;
        return this;
    }

    public LoadGenerator duration(Duration d) {
        duration = d;
        return this;
    }

    public LoadGenerator maxRequests(long n) {
        maxRequests = n;
        return this;
    }

    public LoadGenerator requestTimeout(Duration d) {
        requestTimeout = d;
        return this;
    }

    public LoadGenerator connectTimeout(Duration d) {
        connectTimeout = d;
        return this;
    }

    /** Runs the test; returns within warm-up + duration + one request timeout (+ a little). */
    public LoadTestResult run() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "labcheck-load");
                    t.setDaemon(true);
                    return t;
                });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).executor(pool).build();
        try {
            return new Run(client).execute();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run's mutable state, shared by the in-flight callbacks. */
    private final class Run {
        private final HttpClient client;
        private final Histogram latency = new ConcurrentHistogram(1, Latencies.HIGHEST_MICROS, 3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicInteger next = new AtomicInteger();
        private final Set<String> errorSamples = ConcurrentHashMap.newKeySet();
        private final CountDownLatch finished = new CountDownLatch(concurrency);
        private final HttpRequest[] requests;
        private volatile boolean stop;
        private volatile boolean countLimited;
        private long measureStart;
        private long measureEnd;

        Run(HttpClient client) {
            this.client = client;
            requests = targets.stream().map(u -> HttpRequest.newBuilder(u).timeout(requestTimeout).GET().build())
                    .toArray(HttpRequest[]::new);
        }

        LoadTestResult execute() {
            long start = System.nanoTime();
            measureStart = start + warmup.toNanos();
            measureEnd = measureStart + duration.toNanos();
            for (int i = 0; i < concurrency; i++) {
                fire();
            }
            try {
                long untilEnd = measureEnd - System.nanoTime();
                if (untilEnd > 0) {
                    finished.await(untilEnd, TimeUnit.NANOSECONDS);
                }
                stop = true;
                long stoppedAt = System.nanoTime();
                finished.await(requestTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
                long inFlight = finished.getCount();
                if (inFlight > 0) {
                    errors.addAndGet(inFlight);
                    sample("requests still in flight " + requestTimeout.toMillis() + " ms after the time box");
                }
                long end = Math.min(stoppedAt, measureEnd);
                return result(Math.max(1, end - measureStart));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
                return result(Math.max(1, System.nanoTime() - measureStart));
            }
        }

        private void fire() {
            long now = System.nanoTime();
            if (stop || now >= measureEnd) {
                finished.countDown();
                return;
            }
            HttpRequest req = requests[Math.floorMod(next.getAndIncrement(), requests.length)];
            client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long t1 = System.nanoTime();
                if (now >= measureStart && t1 <= measureEnd) {
                    if (e == null && r.statusCode() >= 200 && r.statusCode() < 300) {
                        latency.recordValue(Math.max(1, Math.min(Latencies.HIGHEST_MICROS, (t1 - now) / 1000)));
                        if (ok.incrementAndGet() >= maxRequests) {
                            countLimited = true;
                            stop = true;
                        }
                    } else {
                        errors.incrementAndGet();
                        sample(e == null ? "HTTP " + r.statusCode() : describe(e));
                    }
                }
                fire();
            });
        }

        private void sample(String why) {
            if (errorSamples.size() < 5) {
                errorSamples.add(why);
            }
        }

        private LoadTestResult result(long measuredNanos) {
            double seconds = measuredNanos / 1e9;
            long n = ok.get();
            double rps = n / seconds;
            Histogram raw = latency.copy();
            Histogram corrected = raw;
            if (n > 0) {
                long expectedMicros = Math.max(1, Math.round(concurrency / rps * 1e6));
                corrected = raw.copyCorrectedForCoordinatedOmission(expectedMicros);
            }
            return new LoadTestResult(concurrency, measuredNanos / 1_000_000, n, errors.get(),
                    Math.round(rps * 10) / 10.0, Latencies.of(corrected), Latencies.of(raw), !countLimited,
                    errorSamples.stream().sorted().toList());
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
