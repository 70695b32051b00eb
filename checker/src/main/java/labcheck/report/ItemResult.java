package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One rubric item, e.g. "Redis cluster created correctly", 4 marks.
 *
 * @param number  the item's position, "1".."7"
 * @param status  PASSED when all marks were earned, PARTIAL when some, else the worst
 *                of its checks' outcomes (FAILED, UNVERIFIABLE or ERROR)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(
        String number,
        String id,
        String title,
        double marks,
        double max,
        Outcome status,
        List<CheckResult> checks) {
}
