package labcheck.engine;

import java.util.List;
import labcheck.report.FindingDetail;
import labcheck.report.Outcome;

/**
 * How one check ran, before marks are applied.
 *
 * @param fraction the share of its marks earned: 1 when passed, the {@link PartialCredit}
 *                 fraction when partial, else 0
 * @param message  for a pass, what the check reported (or null); otherwise why it did not pass
 * @param details  the check's {@code details} report entries, joined by newlines, or null
 * @param findings the ids of the {@link Finding}s the check raised, in order
 * @param howToVerify for an unverifiable run, what would make it verifiable; else null
 * @param findingDetails the facts the check raised with its findings ({@link Finding#raise(org.junit.jupiter.api.TestReporter, java.util.Map)})
 */
public record CheckRun(String id, Outcome outcome, double fraction, String message, String details,
        List<String> findings, String howToVerify, List<FindingDetail> findingDetails) {

    /** A run whose findings carry no details. */
    public CheckRun(String id, Outcome outcome, double fraction, String message, String details,
                    List<String> findings, String howToVerify) {
        this(id, outcome, fraction, message, details, findings, howToVerify, List.of());
    }

    /** A run without a verification hint. */
    public CheckRun(String id, Outcome outcome, double fraction, String message, String details,
                    List<String> findings) {
        this(id, outcome, fraction, message, details, findings, null);
    }

    public CheckRun {
        findings = findings == null ? List.of() : List.copyOf(findings);
        findingDetails = findingDetails == null ? List.of() : List.copyOf(findingDetails);
    }

    /** A run that raised no {@link Finding}. */
    public CheckRun(String id, Outcome outcome, double fraction, String message, String details) {
        this(id, outcome, fraction, message, details, List.of());
    }
}
