package labcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void aValueIsWrittenAsARubricOrAwsGaveIt() {
        assertThat(Numbers.plain(80.0)).isEqualTo("80");
        assertThat(Numbers.plain(80.5)).isEqualTo("80.5");
        assertThat(Numbers.plain(0.8)).isEqualTo("0.8");
        assertThat(Numbers.plain(-5.0)).isEqualTo("-5");
        assertThat(Numbers.plain(-0.0)).isEqualTo("0");
        assertThat(Numbers.plain(0.125)).isEqualTo("0.125");
        assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void aSumOfDoublesIsWrittenWithoutItsBinaryNoise() {
        // the Math.rint formatters this replaced wrote 0.30000000000000004 in a rubric's "add up to"
        assertThat(Numbers.plain(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Numbers.plain(0.7 + 0.1 + 0.1 + 0.1)).isEqualTo("1");
        assertThat(Numbers.plain(19.5 + 0.25 + 0.125)).isEqualTo("19.875");
    }

    @Test
    void aVerySmallOrLargeValueIsWrittenWithoutAnExponentOrOverflow() {
        // the Math.rint formatters wrote 1.0E-5, and 9223372036854775807 for 1e20 (a long's cast)
        assertThat(Numbers.plain(0.00001)).isEqualTo("0.00001");
        assertThat(Numbers.plain(1e20)).isEqualTo("100000000000000000000");
    }

    @Test
    void measuredValuesKeepTheirPrecisionWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Numbers.ms(43.1234)).isEqualTo("43.123 ms");
            assertThat(Numbers.ms(2)).isEqualTo("2.000 ms");
            assertThat(Numbers.seconds(1.25)).isEqualTo("1.3 s");
            assertThat(Numbers.percent(95.44, 1)).isEqualTo("95.4%");
            assertThat(Numbers.percent(1.047, 2)).isEqualTo("1.05%");
            assertThat(Numbers.fixed(99.6, 0)).isEqualTo("100");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aNegativeNumberOfDecimalsIsRefused() {
        assertThatThrownBy(() -> Numbers.fixed(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimals must be 0 or more, not -1");
    }
}
