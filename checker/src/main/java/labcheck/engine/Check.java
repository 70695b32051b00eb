package labcheck.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import labcheck.evidence.EvidencePart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method as one labcheck check: a JUnit Jupiter test with a stable id and the
 * human text a scoresheet shows beside its outcome.
 *
 * <pre>{@code
 * @Check(id = "elasticache_cluster_available",
 *        title = "The Redis cluster is available",
 *        remediation = "Wait for the status 'available' (5-7 minutes): aws elasticache wait"
 *                + " cache-cluster-available --cache-cluster-id ${clusterId}, then run labcheck again.")
 * void clusterAvailable(Evidence evidence, Thresholds thresholds, TestReporter reporter) { ... }
 * }</pre>
 *
 * <p>Title and remediation name the rubric's thresholds as {@code ${name}} (the names under
 * {@code thresholds:} in the rubric file); the scoresheet shows the graded run's values, and
 * {@link CheckIndex} refuses a name that is no threshold.
 *
 * <p>A check passes by returning (after {@link Report#passed} says what it found), fails with an
 * {@link AssertionError} (its conditions collected in {@link Conditions}, so every failure is
 * reported at once, each ending with a "Fix:"), earns part of its marks with {@link PartialCredit},
 * and is unverifiable with {@link Unverifiable}. Anything else it throws is an error in the check,
 * reported and isolated.
 *
 * <p>The annotation carries {@link EvidenceResolver}, so a check receives the graded
 * {@code Evidence} and {@code Thresholds} wherever its class lives, without registering anything.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Tag("labcheck-check")
@ExtendWith(EvidenceResolver.class)
public @interface Check {

    /** Stable id, {@code <service>_<resource>_<expected>}; rubrics refer to it. */
    String id();

    /** One line saying what passes, e.g. "Port ${redisPort} is open to no address range". */
    String title();

    /** How to fix a failure: the CLI command and the console steps, e.g. "... --cache-cluster-id ${clusterId}". */
    String remediation();

    /**
     * The parts of the evidence the check reads, so {@code check --item} gathers only those; empty
     * means every part. {@code CheckNeedsTest} grades each check with only these parts and proves
     * the outcome unchanged, and with each one taken away, changed.
     */
    EvidencePart[] needs() default {};
}
