package labcheck.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import labcheck.evidence.app.LoadTestResult;

/**
 * A closed-loop HTTP load generator: {@code concurrency} requests kept in flight on
 * keep-alive connections (a wrk-like non-blocking client for http://, the JDK HttpClient for https://), for a warm-up (not counted) and then a measured, time-boxed and
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
        if (concurrency < 1 || concurrency > Limits.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and "
                    + Limits.MAX_CONCURRENCY + ", was " + concurrency);
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
        long start = System.nanoTime();
        LoadStats stats = new LoadStats(start, warmup.toNanos(), duration.toNanos(), maxRequests);
        long hardStop = stats.measureEnd + requestTimeout.toNanos() + 500_000_000L;
        try {
            long inFlight = NioLoadEngine.supports(targets)
                    ? new NioLoadEngine(targets, concurrency, requestTimeout.toNanos(), stats).run(hardStop)
                    : httpClientRun(stats, hardStop);
            stats.abandoned(inFlight, "requests still in flight " + requestTimeout.toMillis() + " ms after the time box");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.stop();
        }
        long end = Math.min(System.nanoTime(), stats.measureEnd);
        return stats.result(concurrency, Math.max(1, end - stats.measureStart));
    }

    /** For https:// targets (or several hosts): the JDK HttpClient, asynchronously, same closed loop. */
    private long httpClientRun(LoadStats stats, long hardStop) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "labcheck-load");
                    t.setDaemon(true);
                    return t;
                });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).executor(pool).build();
        HttpRequest[] requests = targets.stream()
                .map(u -> HttpRequest.newBuilder(u).timeout(requestTimeout).GET().build()).toArray(HttpRequest[]::new);
        CountDownLatch finished = new CountDownLatch(concurrency);
        AtomicInteger next = new AtomicInteger();
        try {
            for (int i = 0; i < concurrency; i++) {
                fire(client, requests, next, stats, finished);
            }
            finished.await(Math.max(1, hardStop - System.nanoTime()), TimeUnit.NANOSECONDS);
            stats.stop();
            return finished.getCount();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fire(HttpClient client, HttpRequest[] requests, AtomicInteger next, LoadStats stats,
                             CountDownLatch finished) {
        long now = System.nanoTime();
        if (!stats.running(now)) {
            finished.countDown();
            return;
        }
        HttpRequest req = requests[Math.floorMod(next.getAndIncrement(), requests.length)];
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            boolean ok = e == null && r.statusCode() >= 200 && r.statusCode() < 300;
            stats.record(now, System.nanoTime(), ok, e == null ? "HTTP " + r.statusCode() : describe(e));
            fire(client, requests, next, stats, finished);
        });
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
