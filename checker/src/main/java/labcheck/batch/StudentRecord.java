package labcheck.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import labcheck.evidence.Evidence;
import labcheck.evidence.SecretGuard;
import labcheck.report.Scoresheet;

/**
 * What the batch keeps of one student, as {@code result.json} in the student's directory:
 * the only file marks.csv and the summary are built from.
 *
 * @param row        the roster row the student came from
 * @param account    the AWS account the evidence was collected in (STS), or null
 * @param status     how grading ended
 * @param message    why it timed out or failed; null when graded normally
 * @param started    when grading this student began (ISO-8601): with {@code seconds}, the window in which
 *                   the student's servers were measured, so a judge can see who was measured alongside whom
 * @param seconds    wall time spent on the student (shown in logs, never in marks.csv or the summary,
 *                   which must not depend on timing)
 * @param scoresheet the scoresheet, or null when even the evidence could not be scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudentRecord(String studentId, String name, int row, String account, Status status,
                            String message, String started, double seconds, Scoresheet scoresheet) {

    public static final String FILE_NAME = "result.json";

    /** The status a scoresheet earns when grading ran to the end; no scoresheet: only collected. */
    static Status statusOf(Scoresheet sheet) {
        if (sheet == null) {
            return Status.COLLECTED;
        }
        return sheet.fullMarks() ? Status.FULL_MARKS : Status.MARKS_LOST;
    }

    /**
     * The same student regraded: a timed-out or failed collection stays so, since its evidence is partial;
     * evidence only collected is graded now.
     */
    StudentRecord regraded(Scoresheet sheet) {
        Status s = status == Status.TIMED_OUT || status == Status.ERROR ? status : statusOf(sheet);
        return new StudentRecord(studentId, name, row, account, s, message, started, seconds, sheet);
    }

    /** The STS account of the evidence, or null when it was not collected. */
    static String accountOf(Evidence evidence) {
        if (evidence == null || evidence.identity() == null || !evidence.identity().available()) {
            return null;
        }
        return evidence.identity().value().account();
    }

    /** An exception's text, with anything that looks like a secret redacted. */
    static String safeMessage(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return SecretGuard.redact(text);
    }
}
