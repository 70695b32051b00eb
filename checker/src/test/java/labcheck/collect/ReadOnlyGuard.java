package labcheck.collect;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Proves labcheck is read-only: registered for every SDK client in the test JVM (through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), it rejects any
 * operation that is not in the shipped policy or not a Describe/List/Get (or CloudTrail's
 * LookupEvents, which reads the event history), and records every
 * operation called so a test can compare the calls with the policy.
 *
 * <p>Only test-setup clients that build a lab in moto may mutate, and they must say so with
 * {@link #SETUP}; no production client can carry that attribute.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    /** Marks a test-setup client (creating the lab in an emulator); never set by labcheck itself. */
    public static final ExecutionAttribute<Boolean> SETUP = new ExecutionAttribute<>("labcheck.test.setup");

    /** The operation a role assumption needs; made by the SDK's credential provider, not by labcheck's code. */
    static final String ASSUME_ROLE = "sts:AssumeRole";

    private static final Set<String> CALLED = new ConcurrentSkipListSet<>();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(SETUP))) {
            return;
        }
        String action = ReadOnlyPolicy.iamAction(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        boolean readOnly = isReadOnly(action);
        if (action.equals(ASSUME_ROLE) || (readOnly && ReadOnlyPolicy.actions().contains(action))) {
            CALLED.add(action);
            return;
        }
        String violation = "labcheck called " + action + ", which is " + (readOnly ? "not in the shipped policy"
                : "not a read-only (Describe/List/Get) operation");
        VIOLATIONS.add(violation);
        throw new AssertionError(violation);
    }

    /** A Describe, List or Get action, or {@code cloudtrail:LookupEvents} (reading the event history). */
    static boolean isReadOnly(String action) {
        String operation = action.substring(action.indexOf(':') + 1);
        return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
                || action.equals(LOOKUP_EVENTS);
    }

    /** CloudTrail's only action labcheck calls: reading the event history, never a trail's setup. */
    static final String LOOKUP_EVENTS = "cloudtrail:LookupEvents";

    static Set<String> called() {
        return Set.copyOf(CALLED);
    }

    static void resetCalls() {
        CALLED.clear();
    }

    static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    static void clearViolations() {
        VIOLATIONS.clear();
    }

    /** Fails the test that made a forbidden call, even if the code under test swallowed the error. */
    public static final class Verify implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            List<String> seen = violations();
            clearViolations();
            if (!seen.isEmpty()) {
                throw new AssertionError("read-only violation(s): " + seen);
            }
        }
    }
}
