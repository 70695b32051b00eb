package labcheck.batch;

import java.util.Objects;
import labcheck.evidence.Evidence;
import labcheck.report.Scoresheet;

/**
 * What grading one student produced: the evidence and the scoresheet computed from it, or no
 * scoresheet when the evidence was only collected ({@code batch --collect-only}).
 */
public record StudentResult(Evidence evidence, Scoresheet scoresheet) {
    public StudentResult {
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Evidence collected to be graded later: the student's status is {@link Status#COLLECTED}. */
    public static StudentResult collected(Evidence evidence) {
        return new StudentResult(evidence, null);
    }
}
