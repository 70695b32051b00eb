package labcheck.batch;

/**
 * How a live batch run gathers each student, beyond the roster: the deadline, and whether only the
 * AWS evidence is collected (to be graded later with {@code --regrade-from-evidence}).
 *
 * <pre>{@code
 * Grading g = factory.open(rubric, templates, new GradingMode("2026-12-05T17:00:00Z", true));
 * }</pre>
 *
 * @param deadline    ISO-8601 with a zone ({@code --deadline}), or null
 * @param collectOnly {@code --collect-only}: AWS only, no app probe, no grading
 */
public record GradingMode(String deadline, boolean collectOnly) {

    /** A run without a deadline that grades. */
    public static final GradingMode LIVE = new GradingMode(null, false);
}
