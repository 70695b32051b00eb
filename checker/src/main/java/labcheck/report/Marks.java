package labcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Marks as people write them: "4", "2.5", "1.33"; the same as the templates' number format. */
final class Marks {

    private Marks() {
    }

    static String format(double marks) {
        return BigDecimal.valueOf(marks).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
