package labcheck.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import labcheck.evidence.Evidence;

/**
 * One student's time budget, and where a grader leaves the evidence it has so far, so a
 * student who runs out of time is recorded with what was collected rather than lost.
 *
 * <pre>{@code
 * Evidence e = collector.collect(entry, budget.remaining());
 * budget.checkpoint(e);                          // kept if the probe below times out
 * budget.throwIfExpired();
 * e = e.withApp(probe.run(entry, budget.remaining()));
 * }</pre>
 */
public final class Deadline {

    private final Instant end;
    private final Clock clock;
    private volatile Evidence checkpoint;

    private Deadline(Instant end, Clock clock) {
        this.end = end;
        this.clock = clock;
    }

    public static Deadline in(Duration budget) {
        return in(budget, Clock.systemUTC());
    }

    static Deadline in(Duration budget, Clock clock) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a time budget must be positive, got " + budget);
        }
        return new Deadline(clock.instant().plus(budget), clock);
    }

    /** Time left, never negative: pass it on as the timeout of the next network call. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    public void throwIfExpired() throws TimeoutException {
        if (expired()) {
            throw new TimeoutException("the student's time budget ran out");
        }
    }

    /** Keeps {@code soFar} as the student's evidence should the budget run out before the grader returns. */
    public void checkpoint(Evidence soFar) {
        this.checkpoint = soFar;
    }

    /** The last evidence passed to {@link #checkpoint}, or null. */
    public Evidence lastCheckpoint() {
        return checkpoint;
    }
}
