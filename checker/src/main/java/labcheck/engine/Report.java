package labcheck.engine;

import java.util.Objects;
import org.junit.jupiter.api.TestReporter;

/**
 * What a check publishes beside its outcome, through JUnit's {@link TestReporter}: the sentence a
 * passing check shows on the scoresheet, and evidence excerpts for the judge. {@link ScoringListener}
 * reads the same keys back, so a check never spells them.
 *
 * <pre>{@code
 * Report.details(reporter, "sg-redis: tcp 6379 from security group sg-app");
 * conditions.verify();
 * Report.passed(reporter, cache.describe() + " is available.");
 * }</pre>
 */
public final class Report {

    /** The key of a passing check's message: what it found, one sentence ending with a period. */
    public static final String MESSAGE = "message";
    /** The key of an evidence excerpt; a check may publish several, joined by newlines on the sheet. */
    public static final String DETAILS = "details";
    /** The key of a {@link Finding}'s id. */
    static final String FINDING = "finding";

    private Report() {
    }

    /**
     * Says what a passing check found; the scoresheet shows it instead of the check's title. Call
     * it last, once every condition held: a check that then fails shows its failure, not this.
     */
    public static void passed(TestReporter reporter, String message) {
        publish(reporter, MESSAGE, message);
    }

    /** Adds an evidence excerpt for the judge; nothing when {@code text} is empty. */
    public static void details(TestReporter reporter, String text) {
        publish(reporter, DETAILS, text);
    }

    static void publish(TestReporter reporter, String key, String value) {
        Objects.requireNonNull(reporter, "reporter");
        // JUnit refuses a blank value; an empty excerpt says nothing, so it is not published
        if (value != null && !value.isBlank()) {
            reporter.publishEntry(key, value);
        }
    }
}
