package labcheck.engine;

import java.util.Objects;
import labcheck.evidence.Evidence;
import labcheck.rubric.Thresholds;

/** What one grading run hands to its checks: kept in the launcher session's store. */
record GradingContext(Evidence evidence, Thresholds thresholds) {

    GradingContext {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(thresholds, "thresholds");
    }
}
