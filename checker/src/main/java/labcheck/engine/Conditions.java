package labcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * The conditions one check judges, collected so a run reports every failure at once: the student
 * reads all the fixes in one run, not the first of them. Each failure is one sentence (found,
 * expected, because, "Fix: ..."); {@link #verify()} throws them together, one line each on the sheet.
 *
 * <pre>{@code
 * Conditions conditions = new Conditions();
 * conditions.expect(fromApp, () -> "Security group sg-redis does not allow port 6379 from sg-app; ... Fix: ...");
 * for (PortAccess.Grant other : others) {
 *     conditions.fail("Security group sg-redis also allows port 6379 from " + other.source() + "; ... Fix: ...");
 * }
 * conditions.verify();                        // fails with every message collected, or returns
 * Report.passed(reporter, "Port 6379 of sg-redis is open to sg-app and to no other security group.");
 * }</pre>
 *
 * <p>A condition without which the others cannot be judged (no cache found, no answer to read)
 * is not collected: the check fails on it at once. Like JUnit's {@code assertAll}, and unlike
 * AssertJ's soft assertions, this needs no proxies (labcheck.jar ships no Byte Buddy).
 */
public final class Conditions {

    private final List<AssertionError> failures = new ArrayList<>();
    private PartialCredit partial;

    /** Records {@code failure} unless {@code met}; the message is only built when needed. */
    public Conditions expect(boolean met, Supplier<String> failure) {
        if (!met) {
            fail(failure.get());
        }
        return this;
    }

    /** Records a failed condition. */
    public Conditions fail(String failure) {
        failures.add(new AssertionFailedError(failure));
        return this;
    }

    /**
     * Records a shortfall that still earns {@code fraction} of the check's marks when nothing else
     * failed; at 1 or above it is no shortfall at all, at 0 or below (or not a number) a plain failure.
     */
    public Conditions partly(double fraction, String shortfall) {
        if (fraction >= 1) {
            return this;
        }
        if (!(fraction > 0)) {
            return fail(shortfall);
        }
        if (partial != null) {
            throw new IllegalStateException("a check earns one share of its marks; a second partial condition"
                    + " needs a fraction of its own: " + shortfall);
        }
        partial = new PartialCredit(fraction, shortfall);
        failures.add(partial);
        return this;
    }

    /** Whether any condition failed so far (a partial shortfall included). */
    public boolean failed() {
        return !failures.isEmpty();
    }

    /**
     * Returns when every condition held; else throws the one failure, the partial credit when that is
     * all, or every failure together (then the check fails and a shortfall's share is not earned).
     */
    public void verify() {
        if (failures.isEmpty()) {
            return;
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        throw new MultipleFailuresError(null, List.copyOf(failures));
    }
}
