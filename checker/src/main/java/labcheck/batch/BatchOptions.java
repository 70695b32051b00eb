package labcheck.batch;

import java.time.Duration;

/**
 * How a batch runs.
 *
 * @param jobs    students graded at once (I/O-bound work: several per core)
 * @param budget  each student's time budget
 * @param regrade grade students again even when they have a complete result
 * @param retryFailed grade again students whose stored result timed out or failed (the default)
 */
public record BatchOptions(int jobs, Duration budget, boolean regrade, boolean retryFailed) {

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

    /** Timed-out and failed students are retried on the next run. */
    public BatchOptions(int jobs, Duration budget, boolean regrade) {
        this(jobs, budget, regrade, true);
    }

    /** Four students per core: grading waits on AWS and HTTP far more than it computes. */
    public static int defaultJobs() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }
}
