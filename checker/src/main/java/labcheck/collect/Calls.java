package labcheck.collect;

import java.time.Duration;
import java.util.function.Supplier;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * How every AWS call of one collection is made: its value, or why it is unavailable, and none
 * started once the collection's budget is spent. Each call is bounded by the clients' call timeout
 * too, so a collection against an endpoint that stops answering ends within the budget plus one
 * call timeout, with the facts it had and each missing one saying why.
 *
 * <pre>{@code
 * Calls calls = new Calls("AWS in us-east-1", Duration.ofMinutes(3));
 * Fact<List<Subnet>> subnets = calls.call("ec2:DescribeSubnets", () -> ...);
 * }</pre>
 */
final class Calls {

    private final String where;
    private final Duration budget;
    private final long deadline;

    Calls(String where, Duration budget) {
        this.where = where;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    String where() {
        return where;
    }

    /**
     * One AWS call. An answer labcheck fails to read costs that call only, like a denied one, so the
     * rest can still be graded.
     */
    <T> Fact<T> call(String action, Supplier<T> call) {
        if (System.nanoTime() - deadline > 0) {
            return Fact.unavailable(new Unavailable("Timeout", action, action + " was not asked of " + where
                    + ": the AWS collection ran past its budget of " + budget.toSeconds() + " s, because earlier"
                    + " calls answered slowly. Fix: run again, or give more time with --aws-budget."));
        }
        try {
            return Fact.of(call.get());
        } catch (SdkException e) {
            return Fact.unavailable(Faults.of(action, e, where));
        } catch (RuntimeException e) {
            return Fact.unavailable(new Unavailable("InvalidResponse", action, "labcheck could not read the answer"
                    + " to " + action + " from " + where + " (" + Faults.rootMessage(e) + "); please report this."));
        }
    }
}
