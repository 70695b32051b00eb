package labcheck.batch;

/**
 * Grades one student: collects the evidence (AWS, app probe) and scores it. The batch calls it
 * from several threads at once, never for two students measuring the same app host at a time.
 *
 * <pre>{@code
 * StudentGrader grader = (student, budget) -> {
 *     Evidence e = collect(student, budget.remaining());
 *     budget.checkpoint(e);
 *     return new StudentResult(e, grader.grade(e));
 * };
 * }</pre>
 *
 * It should honour {@code budget.remaining()} in its own timeouts and return when interrupted;
 * the batch records a student whose grader overruns as timed out with the last checkpoint.
 */
@FunctionalInterface
public interface StudentGrader {
    StudentResult grade(RosterEntry student, Deadline budget) throws Exception;
}
