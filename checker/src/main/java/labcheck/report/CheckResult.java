package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One check's outcome within an item.
 *
 * @param number      "item.check", e.g. "1.2"
 * @param max         the marks this check carries in the rubric
 * @param message     what was found: for a failure, resource, expected, found, why
 * @param remediation how to fix, from the check's metadata; null when it passed
 * @param details     optional evidence excerpt for the judge (figures, a code excerpt); may be null
 * @param findings    ids of facts about the outcome that other outputs act on, e.g.
 *                    {@code self_reported_timings_contradicted}; empty when none
 * @param findingDetails each occurrence of a finding with its facts (e.g. the event, time, resource and
 *                    principal of a change after the deadline); empty when the findings carry none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(
        String number,
        String id,
        String title,
        double marks,
        double max,
        Outcome outcome,
        String message,
        String remediation,
        String details,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> findings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FindingDetail> findingDetails) {

    /** How the remediation of an unverifiable check begins; what follows says what makes it verifiable. */
    public static final String VERIFY_PREFIX = "Make it verifiable: ";

    public CheckResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        findingDetails = findingDetails == null ? List.of() : List.copyOf(findingDetails);
    }

    /** A result whose findings carry no details. */
    public CheckResult(String number, String id, String title, double marks, double max, Outcome outcome,
            String message, String remediation, String details, List<String> findings) {
        this(number, id, title, marks, max, outcome, message, remediation, details, findings, List.of());
    }

    /** A result with no findings. */
    public CheckResult(String number, String id, String title, double marks, double max, Outcome outcome,
            String message, String remediation, String details) {
        this(number, id, title, marks, max, outcome, message, remediation, details, List.of(), List.of());
    }

    /** The details of every occurrence of the finding with this id, in the order raised. */
    public List<FindingDetail> detailsOf(String findingId) {
        return findingDetails.stream().filter(d -> d.id().equals(findingId)).toList();
    }

    /** Whether the check raised the finding with this id (see {@code labcheck.engine.Finding}). */
    public boolean raised(String findingId) {
        return findings.contains(findingId);
    }
}
