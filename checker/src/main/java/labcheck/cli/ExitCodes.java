package labcheck.cli;

/** What {@code labcheck} exits with, so CI and scripts can branch on it; listed in {@code --help}. */
public final class ExitCodes {

    /** Graded, and every marked item earned all its marks. */
    public static final int ALL_MARKS = 0;
    /** An internal error: a labcheck bug. */
    public static final int INTERNAL_ERROR = 1;
    /** A usage or input error: bad option, missing or invalid bundle, invalid rubric. */
    public static final int INPUT_ERROR = 2;
    /** Graded, and some marks were lost. */
    public static final int MARKS_LOST = 3;

    /** {@code exitCodeList} lines for {@code --help}; annotations need them as constants. */
    static final String HELP_0 = "0:graded, all marks earned";
    static final String HELP_1 = "1:internal error (a labcheck bug; please report it)";
    static final String HELP_2 = "2:usage or input error (bad option, bundle or rubric)";
    static final String HELP_3 = "3:graded, some marks lost";
    static final String HEADING = "%nExit codes:%n";

    private ExitCodes() {
    }
}
