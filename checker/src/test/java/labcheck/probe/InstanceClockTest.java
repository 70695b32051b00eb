package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.app.TimingCorroboration;
import org.junit.jupiter.api.Test;

/** A remote timer's answers held against labcheck's own clock, batch by batch. */
class InstanceClockTest {

    private static RemoteTimer.Timed ok(double ms) {
        return new RemoteTimer.Timed(200, "application/json", "{}", ms, null, false, false);
    }

    @Test
    void aTimeIsPossibleOnlyWhenFiniteAndWithinZeroAndTheBound() {
        assertThat(InstanceClock.possible(0.4, 5000)).isTrue();
        assertThat(InstanceClock.possible(0, 5000)).isTrue();
        assertThat(InstanceClock.possible(5001, 5000)).as("timer granularity past curl -m").isTrue();
        assertThat(InstanceClock.possible(-0.4, 5000)).isFalse();
        assertThat(InstanceClock.possible(Double.NaN, 5000)).isFalse();
        assertThat(InstanceClock.possible(Double.POSITIVE_INFINITY, 5000)).isFalse();
        assertThat(InstanceClock.possible(60_000, 5000)).isFalse();
    }

    @Test
    void batchesCountImpossibleTimesAndThoseWhoseSumExceedsTheCommandsWallTime() {
        InstanceClock clock = new InstanceClock();
        // GIVEN one honest batch (1.4 ms of requests in a 40 ms command) and one whose 9 s fit in no 40 ms command
        clock.batch(List.of(ok(0.4), ok(1.0)), 40, 5000);
        clock.batch(List.of(ok(4500), ok(4500), ok(-1), ok(Double.NaN)), 40, 5000);

        TimingCorroboration c = clock.with(3.6, 30, new PairedSaving(0.1, -0.2, 0.3), null);

        assertThat(c.values()).isEqualTo(6);
        assertThat(c.outOfRange()).isEqualTo(2);
        assertThat(c.outOfRangeExamples()).containsExactly("-1.0 ms", "NaN ms");
        assertThat(c.claimedMs()).isEqualTo(9001.4);
        assertThat(c.wallMs()).isEqualTo(80.0);
        assertThat(c.batchesOverWall()).isEqualTo(1);
        assertThat(c.boundMs()).isEqualTo(5000.0);
        assertThat(c.tunnelSavingHighMs()).isEqualTo(0.3);
    }
}
