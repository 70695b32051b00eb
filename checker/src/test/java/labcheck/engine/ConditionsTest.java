package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

class ConditionsTest {

    @Test
    void conditionsThatAllHoldVerifyWithoutBuildingAnyMessage() {
        AtomicInteger built = new AtomicInteger();

        new Conditions().expect(true, () -> "never " + built.incrementAndGet()).verify();

        assertThat(built).hasValue(0);
    }

    @Test
    void oneFailedConditionIsThrownAsItself() {
        Throwable thrown = catchThrowable(() -> new Conditions().expect(true, () -> "held")
                .expect(false, () -> "Port 6379 is open to 0.0.0.0/0.").verify());

        assertThat(thrown).isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessage("Port 6379 is open to 0.0.0.0/0.");
    }

    @Test
    void everyFailedConditionIsThrownTogetherInOrder() {
        Throwable thrown = catchThrowable(() -> new Conditions().fail("first.").expect(false, () -> "second.")
                .verify());

        assertThat(thrown).isInstanceOf(MultipleFailuresError.class);
        assertThat(((MultipleFailuresError) thrown).getFailures()).extracting(Throwable::getMessage)
                .containsExactly("first.", "second.");
    }

    @Test
    void aShortfallAloneIsPartialCreditAndBesideAFailureIsOneMoreFailure() {
        Throwable alone = catchThrowable(() -> new Conditions().partly(0.25, "a quarter.").verify());
        Throwable beside = catchThrowable(() -> new Conditions().partly(0.25, "a quarter.").fail("broken.").verify());

        assertThat(alone).isInstanceOf(PartialCredit.class).hasMessage("a quarter.");
        assertThat(((PartialCredit) alone).fraction()).isEqualTo(0.25);
        assertThat(((MultipleFailuresError) beside).getFailures()).extracting(Throwable::getMessage)
                .containsExactly("a quarter.", "broken.");
    }

    @Test
    void aShareOfNothingIsAFailureAndAFullShareNoShortfall() {
        assertThatThrownBy(() -> new Conditions().partly(0, "none of it.").verify())
                .isExactlyInstanceOf(AssertionFailedError.class).hasMessage("none of it.");
        Conditions full = new Conditions().partly(1, "all of it.");

        assertThat(full.failed()).isFalse();
        full.verify();
    }

    @Test
    void aSecondShareIsRefusedBecauseACheckEarnsOneFraction() {
        Conditions conditions = new Conditions().partly(0.5, "half.");

        assertThatThrownBy(() -> conditions.partly(0.5, "another half."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another half.");
    }
}
