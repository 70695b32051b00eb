package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseClockTest {

    @Test
    void givenPhasesLappedInTurnWhenReadThenEachHasItsOwnTimeInTheOrderTheyRan() throws Exception {
        PhaseClock clock = new PhaseClock();
        clock.lap("connect");
        Thread.sleep(30);
        clock.lap("timing");
        clock.lap("writes");

        Map<String, Long> ms = clock.ms();

        assertThat(ms.keySet()).containsExactly("connect", "timing", "writes");
        assertThat(ms.get("timing")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void givenOnePhaseLappedTwiceWhenReadThenItsTimesAddUpUnderItsFirstPlace() throws Exception {
        PhaseClock clock = new PhaseClock();
        Thread.sleep(20);
        clock.lap("redis");
        clock.lap("db");
        Thread.sleep(20);
        clock.lap("redis");

        Map<String, Long> ms = clock.ms();

        assertThat(ms.keySet()).containsExactly("redis", "db");
        assertThat(ms.get("redis")).isGreaterThanOrEqualTo(40);
    }

    @Test
    void givenNoLapWhenReadThenNoPhaseIsInvented() {
        assertThat(new PhaseClock().ms()).isEmpty();
    }
}
