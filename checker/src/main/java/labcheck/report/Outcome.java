package labcheck.report;

/** How one check ended. Only {@link #PASSED} and {@link #PARTIAL} earn marks. */
public enum Outcome {
    /** Every condition held: full marks. */
    PASSED,
    /** Some conditions held: the fraction of the marks the check earned. */
    PARTIAL,
    /** A condition did not hold: no marks; the message says what to fix. */
    FAILED,
    /** The evidence could not be had: no marks; the message says what to grant or where to run from. */
    UNVERIFIABLE,
    /** The check itself broke: no marks; reported as a labcheck bug, never hides other checks. */
    ERROR
}
