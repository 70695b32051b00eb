package labcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one number format of every output (scoresheets, JSON-free text of JUnit XML and Gradescope,
 * marks.csv, the cohort summary, the templates' {@code ${number}}): at most two decimals, half up,
 * no trailing zeros, never locale-dependent. "4", "2.5", "0.13" (for 0.125).
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
        String text = twoDecimals(number).stripTrailingZeros().toPlainString();
        return "-0".equals(text) ? "0" : text;
    }

    /** {@code number} at two decimals, half up, as {@link #format} prints it: what the scoresheet stores. */
    public static double round(double number) {
        return twoDecimals(number).doubleValue();
    }

    private static BigDecimal twoDecimals(double number) {
        // BigDecimal.valueOf reads the shortest decimal of the double, so 0.125 rounds up as written
        return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@link #format(double)}, or "" for null. */
    public static String format(Double number) {
        return number == null ? "" : format(number.doubleValue());
    }
}
