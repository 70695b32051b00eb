package labcheck.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How labcheck writes a number that is not a mark (marks go through {@code report.Marks}, which
 * rounds them as the scoresheet stores them and then writes them with {@link #plain}). It lives
 * here, below every package that writes text, evidence included. Never locale-dependent.
 *
 * <pre>{@code
 * Numbers.plain(80.0);          // "80"      a value as a rubric or AWS gave it
 * Numbers.plain(0.1 + 0.2);     // "0.3"     not 0.30000000000000004
 * Numbers.ms(43.1234);          // "43.123 ms"  a measured duration
 * Numbers.seconds(1.25);        // "1.3 s"   a step's wall time
 * Numbers.percent(95.44, 1);    // "95.4%"   a measured share
 * }</pre>
 */
public final class Numbers {

    /** The digits a double holds reliably; a sum of doubles is written without its binary noise. */
    private static final MathContext DOUBLE_DIGITS = new MathContext(15);

    private Numbers() {
    }

    /**
     * A value as it would be written by hand: no ".0", no exponent, at most 15 significant digits
     * ({@code 80}, {@code 80.5}, {@code 0.00001}); NaN and infinities as Java writes them.
     */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // BigDecimal.valueOf reads the shortest decimal of the double; BigDecimal has no -0
        return BigDecimal.valueOf(value).round(DOUBLE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** {@code value} with exactly {@code decimals} decimals, half up: a measured value at its precision. */
    public static String fixed(double value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more, not " + decimals);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A measured duration in milliseconds, to the microsecond: "43.123 ms". */
    public static String ms(double millis) {
        return fixed(millis, 3) + " ms";
    }

    /** The wall time of a step, to a tenth of a second: "12.5 s". */
    public static String seconds(double seconds) {
        return fixed(seconds, 1) + " s";
    }

    /** A percentage at {@code decimals} decimals: "95.4%". */
    public static String percent(double percent, int decimals) {
        return fixed(percent, decimals) + "%";
    }
}
