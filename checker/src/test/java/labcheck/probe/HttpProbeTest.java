package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private static HttpProbe probe(String url, int timeoutMs) {
        return new HttpProbe(HttpProbe.newClient(Duration.ofSeconds(1)), AppTarget.at(url), Duration.ofMillis(timeoutMs),
                64 * 1024);
    }

    @Test
    void aHugeBodyIsCutAtTheCapAndReportedAsSuch() throws Exception {
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.HUGE_BODY)) {
            HttpResult r = probe(app.url(), 5000).get("/product/7", Deadline.after(Duration.ofSeconds(10)));
            assertThat(r.truncated()).isTrue();
            assertThat(r.body().length()).isLessThanOrEqualTo(64 * 1024);
            assertThat(ProductReader.read(7, r).answer().problem()).contains("larger than the probe reads");
        }
    }

    @Test
    void aSlowDripIsCutOffAtTheRequestTimeout() throws Exception {
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.SLOW_DRIP)) {
            long t0 = System.nanoTime();
            HttpResult r = probe(app.url(), 800).get("/health", Deadline.after(Duration.ofSeconds(10)));
            // cut at 0.8 s, far from the 10 s the deadline would allow (slack for a loaded machine)
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
            assertThat(r.timedOut()).isTrue();
            assertThat(r.unavailableCode()).isEqualTo("Timeout");
        }
    }

    @Test
    void aHangingAppIsGivenUpAfterThreeTimeoutsInARow() throws Exception {
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.HANG)) {
            HttpProbe p = probe(app.url(), 1000);
            Deadline d = Deadline.after(Duration.ofSeconds(20));
            for (int i = 0; i < HttpProbe.GIVE_UP_AFTER; i++) {
                assertThat(p.get("/health", d).failure()).contains("no complete answer within 1000 ms");
            }
            long t0 = System.nanoTime();
            HttpResult skipped = p.get("/health", d);
            // not sent at all: well under the 1 s a fourth attempt would wait
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
            assertThat(skipped.failure()).contains("did not answer 3 requests in a row");
        }
    }

    @Test
    void theDeadlineBoundsARequestEvenWhenTheTimeoutIsLonger() throws Exception {
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.HANG)) {
            long t0 = System.nanoTime();
            HttpResult r = probe(app.url(), 30_000).get("/health", Deadline.after(Duration.ofMillis(400)));
            // bounded by the 0.4 s deadline, not the 30 s timeout (slack for a loaded machine)
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
            assertThat(r.answered()).isFalse();
        }
    }

    @Test
    void aClosedPortIsUnreachableNotATimeout() throws Exception {
        HttpResult r = probe("http://127.0.0.1:" + Backends.freePort(), 1000).get("/health",
                Deadline.after(Duration.ofSeconds(5)));
        assertThat(r.unreachable()).isTrue();
        assertThat(r.failure()).contains("refused");
    }

    @Test
    void invalidJsonWrongTypesAndServerErrorsBecomeProblemsNotExceptions() throws Exception {
        Deadline d = Deadline.after(Duration.ofSeconds(10));
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.INVALID_JSON)) {
            assertThat(ProductReader.read(1, probe(app.url(), 2000).get("/product/1", d)).answer().problem())
                    .contains("invalid JSON");
        }
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.WRONG_TYPES)) {
            var a = ProductReader.read(1, probe(app.url(), 2000).get("/product/1", d)).answer();
            assertThat(a.problem()).contains("response_time_ms is a string").contains("cache_status is a number")
                    .contains("product is a string");
            assertThat(a.reportedMs()).isNull();
            assertThat(StatsReader.read(probe(app.url(), 2000), d).unavailable().message())
                    .contains("keyspace_hits is a string");
        }
        try (HostileApp app = new HostileApp(HostileApp.Behaviour.SERVER_ERROR)) {
            var stats = StatsReader.read(probe(app.url(), 2000), d);
            assertThat(stats.unavailable().code()).isEqualTo("InvalidResponse");
            assertThat(stats.unavailable().message()).contains("HTTP 500");
        }
    }

    @Test
    void aRedirectAGzipBodyAndAnEmptyBodyAreEachExplained() throws Exception {
        String[][] cases = {
            {"REDIRECT_TO_HTTPS", "HTTP 301 redirects to https://shop.example/product/1; the app moved to HTTPS:"
                    + " give --app https://shop.example."},
            {"GZIP", "HTTP 200 answered a gzip-compressed body the probe never asked for"},
            {"EMPTY", "HTTP 200 answered an empty body; the contract's answers are JSON objects"},
        };
        for (String[] c : cases) {
            try (HostileApp app = new HostileApp(HostileApp.Behaviour.valueOf(c[0]))) {
                HttpResult r = probe(app.url(), 5000).get("/product/1", Deadline.after(Duration.ofSeconds(10)));

                assertThat(Json.object(r).problem()).as(c[0]).contains(c[1]);
            }
        }
    }
}
