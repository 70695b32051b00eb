package labcheck.engine;

import java.util.Objects;
import labcheck.evidence.Evidence;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;

/**
 * What one grading run hands to its checks (kept in the launcher session's store), and what the
 * scoresheet's check texts are filled with: the same thresholds for both.
 */
record GradingContext(Evidence evidence, Thresholds thresholds) {

    GradingContext {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** The rubric's thresholds, with the student's own cluster id when the evidence names one (a roster's). */
    static GradingContext of(Rubric rubric, Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        String clusterId = evidence.subject() == null ? null : evidence.subject().clusterId();
        return new GradingContext(evidence, rubric.thresholds().withClusterId(clusterId));
    }
}
