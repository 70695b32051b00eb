package labcheck.batch;

import java.util.Locale;

/** How a student's grading ended, as marks.csv and the summary show it. */
public enum Status {
    /** Graded, every item earned all its marks. */
    FULL_MARKS,
    /** Graded, some marks lost. */
    MARKS_LOST,
    /** The time budget ran out; graded on the evidence collected until then. */
    TIMED_OUT,
    /** The grader failed; graded on the evidence collected until then, if any. */
    ERROR,
    /** The roster row was unusable; not graded. */
    ROSTER_ERROR,
    /**
     * Its AWS evidence was collected ({@code batch --collect-only}) and not yet graded; {@code batch
     * --regrade-from-evidence} grades it. A live run never replaces it.
     */
    COLLECTED;

    /** "marks_lost", as written in marks.csv. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
