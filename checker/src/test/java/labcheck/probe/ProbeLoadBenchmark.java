package labcheck.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.app.LoadTestResult;
import org.junit.jupiter.api.Test;

/**
 * The probe's load generator beside wrk, at the same concurrency, against the contract app on
 * embedded Redis and MariaDB (bench/probe/run.sh). Not a unit test: surefire's default includes
 * skip it, and it runs only with {@code -Dlabcheck.bench=1}.
 */
class ProbeLoadBenchmark {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    @Test
    void probeLoadGeneratorBesideWrk() throws Exception {
        assumeTrue("1".equals(System.getProperty("labcheck.bench")), "run through bench/probe/run.sh");
        int seconds = Integer.getInteger("labcheck.bench.seconds", 10);
        int rounds = Integer.getInteger("labcheck.bench.rounds", 2);
        String[] levels = System.getProperty("labcheck.bench.concurrency", "50,200").split(",");
        String external = System.getProperty("labcheck.bench.url", "");
        ContractApp app = external.isBlank() ? ContractApp.withThreads(true, Backends.get(), 32) : null;
        try {
            String url = app != null ? app.url() + "/product/42" : external;
            HttpClient c = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            }
            List<String> rows = new ArrayList<>();
            rows.add("| concurrency | round | wrk req/s | probe req/s | ratio | wrk p50 ms | probe p50 ms (raw) | "
                    + "p50 diff | probe p99 raw / corrected ms | probe errors |");
            rows.add("|---|---|---|---|---|---|---|---|---|---|");
            for (String level : levels) {
                int conc = Integer.parseInt(level.trim());
                // warm the app's JIT and both clients first, so neither tool measures a cold server
                wrk(url, conc, 3);
                ours(url, conc, 3);
                for (int r = 1; r <= rounds; r++) {
                    // alternate which tool goes first, so neither always meets a warmer (or hotter) machine
                    double[] wrk;
                    LoadTestResult ours;
                    if (r % 2 == 1) {
                        wrk = wrk(url, conc, seconds);
                        ours = ours(url, conc, seconds);
                    } else {
                        ours = ours(url, conc, seconds);
                        wrk = wrk(url, conc, seconds);
                    }
                    double ratio = ours.throughputRps() / wrk[0];
                    double diff = (ours.rawLatency().p50() - wrk[1]) / wrk[1] * 100;
                    rows.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.2f | %.3f | %.3f | %+.1f%% | "
                                    + "%.3f / %.3f | %d |", conc, r, wrk[0], ours.throughputRps(), ratio, wrk[1],
                            ours.rawLatency().p50(), diff, ours.rawLatency().p99(), ours.latency().p99(),
                            ours.errors()));
                }
            }
            System.out.println("BENCH-RESULTS-BEGIN");
            System.out.println("target: " + (app != null ? "contract app (test code) GET /product/42" : url));
            rows.forEach(System.out::println);
            System.out.println("BENCH-RESULTS-END");
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private static LoadTestResult ours(String url, int conc, int seconds) {
        return new LoadGenerator(List.of(URI.create(url)), conc).warmup(Duration.ofSeconds(1))
                .duration(Duration.ofSeconds(seconds)).requestTimeout(Duration.ofSeconds(10)).run();
    }

    /** Runs wrk; returns {requests per second, p50 in ms}. */
    private static double[] wrk(String url, int conc, int seconds) throws IOException, InterruptedException {
        List<String> cmd = List.of("wrk", "-t2", "-c" + conc, "-d" + seconds + "s", "--latency", url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher rps = RPS.matcher(out);
        Matcher p50 = P50.matcher(out);
        if (!rps.find() || !p50.find() || !TOTAL.matcher(out).find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double v = Double.parseDouble(p50.group(1));
        double ms = switch (p50.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return new double[] {Double.parseDouble(rps.group(1)), ms};
    }
}
