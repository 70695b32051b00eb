package labcheck.checks.app;

import java.util.List;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.app.AppEvidence;
import labcheck.text.Numbers;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.TestReporter;

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
            Assertions.fail(fact.unavailable().message());
        }
        return Unverifiable.require(fact);
    }

    static void details(TestReporter reporter, String text) {
        if (reporter != null && text != null && !text.isBlank()) {
            reporter.publishEntry("details", text);
        }
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
