package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's graded result: what every renderer prints.
 *
 * @param gradedAt     ISO-8601 instant; the only field allowed to differ between two gradings
 *                     of the same evidence with the same rubric
 * @param items        the rubric's marked items, in rubric order
 * @param bonus        the extension-challenge items (0 marks unless the rubric gives them marks)
 * @param unverifiable one line per check that could not be verified, saying what to grant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scoresheet(
        int schemaVersion,
        String labcheckVersion,
        String rubricId,
        String rubricVersion,
        String rubricTitle,
        Student student,
        String gradedAt,
        double total,
        double max,
        List<ItemResult> items,
        List<ItemResult> bonus,
        List<String> notes,
        Loop loop) {

    public static final int SCHEMA_VERSION = 1;

    /** A scoresheet of a run that graded every item it ran and kept no history. */
    public Scoresheet(int schemaVersion, String labcheckVersion, String rubricId, String rubricVersion,
                      String rubricTitle, Student student, String gradedAt, double total, double max,
                      List<ItemResult> items, List<ItemResult> bonus, List<String> notes) {
        this(schemaVersion, labcheckVersion, rubricId, rubricVersion, rubricTitle, student, gradedAt, total, max,
                items, bonus, notes, null);
    }

    /** This scoresheet with {@code value} as its {@link Loop}. */
    public Scoresheet withLoop(Loop value) {
        return new Scoresheet(schemaVersion, labcheckVersion, rubricId, rubricVersion, rubricTitle, student,
                gradedAt, total, max, items, bonus, notes, value);
    }

    /**
     * What a student fixing one thing at a time reads: the items this run did not grade
     * ({@code check --item}; not in the total), what changed since the last run, and the rubric's
     * hint for each check failing again ({@code hints:}, by check id). Null when there is none.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Loop(List<NotRun> notRun, List<String> sinceLastRun, Map<String, String> hints) {

        public Loop {
            notRun = notRun == null ? List.of() : List.copyOf(notRun);
            sinceLastRun = sinceLastRun == null ? List.of() : List.copyOf(sinceLastRun);
            hints = hints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hints));
        }

        /** This loop with the lines of the history ({@code sinceLastRun}, {@code hints}) replaced. */
        public Loop withHistory(List<String> since, Map<String, String> byCheck) {
            return new Loop(notRun, since, byCheck);
        }
    }

    /** A rubric item this run did not grade: neither marks nor maximum count. */
    public record NotRun(String number, String id, String title, double max) {
    }

    /**
     * Who and what was graded. {@code source} is e.g. "aws", "sample account", "none";
     * {@code gradedCache} is the cache graded in place of {@code clusterId} when none carries that
     * id (the only Redis cache in the region), else null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Student(String studentId, String name, String account, String region, String clusterId,
                          String appUrl, String source, String gradedCache) {

        public Student(String studentId, String name, String account, String region, String clusterId,
                       String appUrl, String source) {
            this(studentId, name, account, region, clusterId, appUrl, source, null);
        }
    }

    /** True when every marked item earned all its marks. */
    public boolean fullMarks() {
        return items.stream().allMatch(i -> i.marks() >= i.max());
    }
}
