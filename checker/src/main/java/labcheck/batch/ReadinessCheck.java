package labcheck.batch;

import java.time.Duration;

/**
 * Checks one student's prerequisites without probing or grading ({@code batch --preflight}); the batch
 * calls it from several threads at once. It fills {@code into} as it goes, so when the student's budget
 * runs out what was decided is kept and the rest is marked as not finished in time.
 *
 * <pre>{@code
 * ReadinessCheck check = (student, budget, into) -> into.ok(Prerequisite.AWS_ACCESS, null);
 * }</pre>
 */
@FunctionalInterface
public interface ReadinessCheck {
    void check(RosterEntry student, Duration budget, Readiness into) throws Exception;
}
