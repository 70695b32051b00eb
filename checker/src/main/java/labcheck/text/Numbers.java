package labcheck.text;

/**
 * A number as a sentence writes it: a whole number without ".0", any other as Java reads it back.
 * For values people typed (a rubric's thresholds, an alarm's threshold), which must appear exactly;
 * marks and scores are rounded by {@code report.Marks} instead.
 *
 * <pre>{@code
 * Numbers.plain(80.0);   // "80"
 * Numbers.plain(0.8);    // "0.8"
 * }</pre>
 */
public final class Numbers {

    private Numbers() {
    }

    public static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
