package labcheck.checks.app;

import java.util.List;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.text.Numbers;
import org.assertj.core.api.Assertions;

/**
 * Shared reading of app evidence. An app that answered wrongly (HTML, invalid JSON, a hang
 * after connecting) fails the checks that needed the answer; evidence that could not be had
 * from here (unreachable, not collected) makes them unverifiable.
 */
final class AppFacts {

    /** Unavailable codes that are the app's fault: the check fails rather than being unverifiable. */
    private static final List<String> APP_FAULTS = List.of("InvalidResponse", "Timeout");

    private AppFacts() {
    }

    static AppEvidence app(Evidence evidence) {
        return Unverifiable.require(evidence.app());
    }

    static <T> T require(Fact<T> fact) {
        if (fact != null && !fact.available() && APP_FAULTS.contains(fact.unavailable().code())) {
            Assertions.fail(fact.unavailable().message() + " Fix: " + fix(fact.unavailable()));
        }
        return Unverifiable.require(fact);
    }

    /** How to make the app answer what the probe asked, in the lab's HTTP contract. */
    private static String fix(Unavailable cause) {
        String action = cause.action() == null ? "" : cause.action();
        String what = action.startsWith("GET ") ? action + " of the app" : "the app";
        if ("Timeout".equals(cause.code())) {
            return "make " + what + " answer within the probe's time budget (pooled Redis and MySQL connections,"
                    + " no blocking work per request).";
        }
        String json = action.startsWith("GET /health") ? "{\"status\", \"redis_status\"}"
                : action.startsWith("GET /stats") ? "{\"keyspace_hits\", \"keyspace_misses\", \"total_requests\","
                + " \"hit_ratio_percent\"}"
                : "{\"product\", \"response_time_ms\", \"cache_used\", \"cache_status\"}"
                + (action.startsWith("GET ") ? "" : " for GET /product/<id>");
        return "make " + what + " answer HTTP 200 with Content-Type application/json and the lab's fields " + json
                + ".";
    }

    /**
     * The app's product key as texts name it: {@code product:<id>}, or the scheme found, e.g.
     * {@code product:v2:<id> in db 1}.
     */
    static String key(AppEvidence app) {
        return app.keys().where();
    }

    /**
     * The key scheme the probe found, as a line for the details (empty when Redis was not read,
     * or the bundle is older than the search).
     */
    static String schemeLine(AppEvidence app) {
        return app.keyScheme() == null ? "" : "\nProduct keys: " + app.keyScheme().describe() + ".";
    }

    static String ms(double v) {
        return Numbers.ms(v);
    }

    static String pct(double v) {
        return Numbers.percent(v, 1);
    }

    static String num(double v) {
        return Numbers.fixed(v, 3);
    }
}
