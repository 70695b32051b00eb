package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One rubric item, e.g. "Redis cluster created correctly", 4 marks.
 *
 * @param number  the item's position, "1".."7"
 * @param status  PASSED when all marks were earned, PARTIAL when some, else the worst
 *                of its checks' outcomes (FAILED, UNVERIFIABLE or ERROR)
 * @param visibility who may read the item's result: null (or {@link #STUDENT}) for the student at once,
 *                {@link #AFTER_DEADLINE} or {@link #JUDGES} for an item a student's sheet withholds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(
        String number,
        String id,
        String title,
        double marks,
        double max,
        Outcome status,
        List<CheckResult> checks,
        String visibility) {

    /** Shown to the student on every sheet (the rubric's default). */
    public static final String STUDENT = "student";
    /** Withheld from the student's sheets; Gradescope shows it after the due date. */
    public static final String AFTER_DEADLINE = "after_deadline";
    /** Withheld from the student's sheets; only the judges' outputs show it. */
    public static final String JUDGES = "judges";

    /** An item the student sees. */
    public ItemResult(String number, String id, String title, double marks, double max, Outcome status,
                      List<CheckResult> checks) {
        this(number, id, title, marks, max, status, checks, null);
    }

    /** Whether a student's sheet withholds this item (its marks are judged later). */
    public boolean withheld() {
        return visibility != null && !STUDENT.equals(visibility);
    }
}
