package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check's outcome within an item.
 *
 * @param number      "item.check", e.g. "1.2"
 * @param max         the marks this check carries in the rubric
 * @param message     what was found: for a failure, resource, expected, found, why
 * @param remediation how to fix, from the check's metadata; null when it passed
 * @param details     optional evidence excerpt for the judge (figures, a code excerpt); may be null
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
        String details) {
}
