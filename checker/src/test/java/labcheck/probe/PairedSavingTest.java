package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedSavingTest {

    private static List<double[]> pairs(double... clientDiffs) {
        List<double[]> out = new ArrayList<>();
        for (double d : clientDiffs) {
            out.add(new double[] {4.0, d});
        }
        return out;
    }

    @Test
    void aFewHugeStallsMoveTheMedianIntervalByARankNotByTheirSize() {
        double[] d = new double[100];
        for (int i = 0; i < d.length; i++) {
            d[i] = 3.9 + (i % 5) * 0.05;
        }
        d[3] = -350;
        d[40] = 300;
        PairedSaving s = PairedSaving.of(pairs(d));
        assertThat(s.median()).isBetween(3.9, 4.1);
        assertThat(s.low()).isGreaterThan(3.8);
        assertThat(s.high()).isLessThan(4.2);
    }

    @Test
    void noSavingGivesAnIntervalAroundZero() {
        PairedSaving s = PairedSaving.of(pairs(-1, 1, -0.5, 0.5, -0.2, 0.2, 0, 0.1, -0.1, 0.3, -0.3));
        assertThat(s.low()).isLessThanOrEqualTo(0);
        assertThat(s.high()).isGreaterThanOrEqualTo(0);
        assertThat(s.median()).isEqualTo(0);
    }

    @Test
    void noPairsGiveZeros() {
        assertThat(PairedSaving.of(List.of())).isEqualTo(new PairedSaving(0, 0, 0));
    }
}
