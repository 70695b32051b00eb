package labcheck.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void wholeNumbersLoseTheirPointZeroAndOthersStayExact() {
        assertThat(Numbers.plain(80.0)).isEqualTo("80");
        assertThat(Numbers.plain(-3)).isEqualTo("-3");
        assertThat(Numbers.plain(0.8)).isEqualTo("0.8");
        assertThat(Numbers.plain(0.125)).isEqualTo("0.125");
    }

    @Test
    void whatIsNoNumberIsWrittenAsJavaWritesIt() {
        assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.plain(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}
