package labcheck.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.function.Function;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.HealthProbe;
import labcheck.report.Scoresheet;

/**
 * A real grader built from the parts this branch has: the "AWS collection" reads an evidence
 * bundle the test wrote for the student's account (absent: nothing collected), the app probe
 * really calls the student's app over HTTP, and a rubric function scores the evidence.
 * Its probe deliberately ignores the budget (a hung probe) so the batch's own timeout is tested.
 */
public final class FixtureGrader implements StudentGrader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path accounts;
    private final Function<Evidence, Scoresheet> scorer;
    private final long extraDelayMs;

    public FixtureGrader(Path accounts, Function<Evidence, Scoresheet> scorer, long extraDelayMs) {
        this.accounts = accounts;
        this.scorer = scorer;
        this.extraDelayMs = extraDelayMs;
    }

    @Override
    public StudentResult grade(RosterEntry student, Deadline budget) throws Exception {
        Path bundle = accounts.resolve(student.studentId());
        Evidence aws = Files.isDirectory(bundle) ? EvidenceBundle.read(bundle)
                : Evidence.empty(student.subject("none"), Instant.now().toString());
        Evidence e = aws.withSubject(student.subject(Files.isDirectory(bundle) ? "fixture account" : "none"));
        budget.checkpoint(e);
        e = probe(student, e);
        if (extraDelayMs > 0) {
            Thread.sleep(extraDelayMs);
        }
        return new StudentResult(e, scorer.apply(e));
    }

    private Evidence probe(RosterEntry s, Evidence e) throws InterruptedException {
        if (s.appUrl() == null) {
            return e;
        }
        try {
            HttpResponse<String> health = get(s.appUrl() + "/health");
            JsonNode h = JSON.readTree(health.body());
            HealthProbe probe = new HealthProbe(health.statusCode(),
                    health.headers().firstValue("Content-Type").orElse(null), h.path("status").asText(null),
                    h.path("redis_status").asText(null), null, null);
            long t0 = System.nanoTime();
            HttpResponse<String> product = get(s.appUrl() + "/product/1");
            long measuredMs = (System.nanoTime() - t0) / 1_000_000;
            long reportedMs = JSON.readTree(product.body()).path("response_time_ms").asLong();
            Evidence out = e.withApp(Fact.of(AppEvidence.builder().appUrl(s.appUrl()).baselineUrl(s.baselineUrl())
                    .health(Fact.of(probe)).lazyLoad(notProbed()).redis(notProbed()).database(notProbed())
                    .timing(notProbed()).stats(notProbed()).loadTest(notProbed()).writeThrough(notProbed())
                    .delete(notProbed()).source(notProbed()).durationMs(measuredMs).notes(List.of()).build()));
            // An app cannot have spent longer on a request than the whole round trip took. The note
            // leaves out the measured figure so regrading the same apps gives the same summary.
            return reportedMs > measuredMs + 50 ? out.withNote("timings disagree: the app reported " + reportedMs
                    + " ms, longer than the whole request took") : out;
        } catch (ConnectException refused) {
            return e.withApp(Fact.unavailable(new Unavailable("Unreachable", "GET /health",
                    "Nothing answered at " + s.appUrl() + "; start the app or open its port to the judges.")));
        } catch (HttpTimeoutException slow) {
            return e.withApp(Fact.unavailable(new Unavailable("Timeout", "GET /health",
                    "The app at " + s.appUrl() + " did not answer in time.")));
        } catch (IOException broken) {
            return e.withApp(Fact.unavailable(new Unavailable("InvalidResponse", "GET /health",
                    "The app at " + s.appUrl() + " gave no usable answer: " + broken.getMessage() + ".")));
        }
    }

    /** This fixture probes /health and one product only; the rest of the app evidence says so. */
    private static <T> Fact<T> notProbed() {
        return Fact.notCollected("This part of the app probe", "the batch test fixture probes /health only");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
