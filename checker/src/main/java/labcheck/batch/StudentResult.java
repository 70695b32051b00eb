package labcheck.batch;

import java.util.Objects;
import labcheck.evidence.Evidence;
import labcheck.report.Scoresheet;

/** What grading one student produced: the evidence and the scoresheet computed from it. */
public record StudentResult(Evidence evidence, Scoresheet scoresheet) {
    public StudentResult {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(scoresheet, "scoresheet");
    }
}
