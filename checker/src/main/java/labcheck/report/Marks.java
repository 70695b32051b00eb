package labcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import labcheck.text.Numbers;

/**
 * The number format of marks in every output (scoresheets, JSON-free text of JUnit XML and
 * Gradescope, marks.csv, the cohort summary, {@code labcheck rubric}, the templates'
 * {@code ${number}}): at most two decimals, half up, no trailing zeros, never locale-dependent.
 * "4", "2.5", "0.13" (for 0.125). A number that is not a mark goes through
 * {@link Numbers}, which this builds on.
 *
 * <pre>{@code
 * Marks.format(0.125);   // "0.13"
 * Marks.format(null);    // ""
 * }</pre>
 */
public final class Marks {

    private Marks() {
    }

    public static String format(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return String.valueOf(number);
        }
        return Numbers.plain(round(number));
    }

    /** {@code number} at two decimals, half up, as {@link #format} prints it: what the scoresheet stores. */
    public static double round(double number) {
        // BigDecimal.valueOf reads the shortest decimal of the double, so 0.125 rounds up as written
        return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@link #format(double)}, or "" for null. */
    public static String format(Double number) {
        return number == null ? "" : format(number.doubleValue());
    }
}
