package labcheck.probe;

import java.time.Duration;
import labcheck.evidence.SafeUrl;

/**
 * Whether an app answers {@code GET /health} now: one request, bounded, for a readiness check before
 * grading ({@code batch --preflight}). It judges nothing of the answer but that it came, with a 2xx
 * status: whether Redis is connected is the grading's business.
 *
 * <pre>{@code
 * String why = HealthCheck.problem(AppTarget.at("http://localhost:5001").via("127.0.0.1", 40111),
 *         Duration.ofSeconds(3));   // null when it answered
 * }</pre>
 */
public final class HealthCheck {

    private static final int MAX_BODY = 64 * 1024;

    private HealthCheck() {
    }

    /** Null when {@code app} answered /health with a 2xx status within {@code timeout}; otherwise why not. */
    public static String problem(AppTarget app, Duration timeout) {
        HttpProbe http = new HttpProbe(HttpProbe.newClient(timeout), app, timeout, MAX_BODY);
        HttpResult r = http.get("/health", Deadline.after(timeout));
        String url = SafeUrl.strip(app.url());
        if (!r.answered()) {
            return "GET " + url + "/health: " + r.failure();
        }
        if (r.status() / 100 != 2) {
            return "GET " + url + "/health answered HTTP " + r.status();
        }
        return null;
    }
}
