package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
        List<String> notes) {

    public static final int SCHEMA_VERSION = 1;

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
