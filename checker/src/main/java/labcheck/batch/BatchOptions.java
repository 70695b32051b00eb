package labcheck.batch;

import java.time.Duration;

/**
 * How a batch runs.
 *
 * @param jobs    students graded at once (I/O-bound work: several per core)
 * @param budget  each student's time budget
 * @param regrade grade students again even when they have a complete result
 */
public record BatchOptions(int jobs, Duration budget, boolean regrade) {

    /** Grace given to an overrun grader to return after being interrupted, before its host is freed. */
    static final Duration GRACE = Duration.ofSeconds(5);

    public BatchOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (budget == null || budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("the per-student time budget must be positive, got " + budget);
        }
    }

    /** Four students per core: grading waits on AWS and HTTP far more than it computes. */
    public static int defaultJobs() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }
}
