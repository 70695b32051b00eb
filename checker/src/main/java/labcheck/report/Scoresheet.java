package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's graded result: what every renderer prints.
 *
 * <pre>{@code
 * sheet.nextSteps();     // "What to do next": one step per cause, the most marks at stake first
 * sheet.forStudent();    // the sheet a student reads: items the rubric withholds become withheld()
 * }</pre>
 *
 * @param gradedAt     ISO-8601 instant; the only field allowed to differ between two gradings
 *                     of the same evidence with the same rubric
 * @param items        the rubric's marked items, in rubric order
 * @param bonus        the extension-challenge items (0 marks unless the rubric gives them marks)
 * @param withheld     the items this sheet does not show (a student's sheet of a rubric that withholds items),
 *                     by number, title and marks only; empty on a judges' sheet; {@code total} and {@code max}
 *                     then count the shown items only
 * @param loop         what a student fixing one thing at a time reads (items not run, changes since the last
 *                     run, hints); null when there is none
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withheld> withheld,
        Loop loop) {

    public static final int SCHEMA_VERSION = 1;

    public Scoresheet {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    /** A sheet that withholds nothing, of a run that graded every item it ran and kept no history. */
    public Scoresheet(int schemaVersion, String labcheckVersion, String rubricId, String rubricVersion,
                      String rubricTitle, Student student, String gradedAt, double total, double max,
                      List<ItemResult> items, List<ItemResult> bonus, List<String> notes) {
        this(schemaVersion, labcheckVersion, rubricId, rubricVersion, rubricTitle, student, gradedAt, total, max,
                items, bonus, notes, List.of(), null);
    }

    /** This scoresheet with {@code value} as its {@link Loop}. */
    public Scoresheet withLoop(Loop value) {
        return new Scoresheet(schemaVersion, labcheckVersion, rubricId, rubricVersion, rubricTitle, student,
                gradedAt, total, max, items, bonus, notes, withheld, value);
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

    /** An item a sheet does not show: its place, its title and the marks it is worth, never its result. */
    public record Withheld(String number, String id, String title, double max, String visibility) {
    }

    /** "What to do next": the fixes of this sheet's items, one per cause, most marks at stake first. */
    @JsonProperty(value = "nextSteps", access = JsonProperty.Access.READ_ONLY)
    public List<NextStep> nextSteps() {
        return NextSteps.of(items, bonus);
    }

    /** The marks of the items this sheet withholds. */
    public double withheldMarks() {
        return Marks.round(withheld.stream().mapToDouble(Withheld::max).sum());
    }

    /**
     * True when every marked item earned all its marks and nothing is withheld: a sheet that withholds
     * items never says all marks were earned, whatever the shown items earned.
     */
    public boolean fullMarks() {
        return withheld.isEmpty() && items.stream().allMatch(i -> i.marks() >= i.max());
    }

    /**
     * The sheet a student reads: every item the rubric withholds ({@code after_deadline}, {@code judges})
     * leaves {@code items} and {@code bonus} for {@code withheld}, with its title and marks only; the total,
     * the maximum and "What to do next" count the shown items only. A sheet withholding nothing is returned
     * as it is.
     */
    public Scoresheet forStudent() {
        boolean any = items.stream().anyMatch(ItemResult::withheld)
                || bonus != null && bonus.stream().anyMatch(ItemResult::withheld);
        if (!any) {
            return this;
        }
        List<Withheld> hidden = new ArrayList<>(withheld);
        List<ItemResult> shownItems = shown(items, hidden);
        List<ItemResult> shownBonus = bonus == null ? null : shown(bonus, hidden);
        double shownTotal = Marks.round(shownItems.stream().mapToDouble(ItemResult::marks).sum()
                + (shownBonus == null ? 0 : shownBonus.stream().mapToDouble(ItemResult::marks).sum()));
        double shownMax = Marks.round(shownItems.stream().mapToDouble(ItemResult::max).sum());
        return new Scoresheet(schemaVersion, labcheckVersion, rubricId, rubricVersion, rubricTitle, student,
                gradedAt, shownTotal, shownMax, shownItems, shownBonus, notes, hidden, loop);
    }

    private static List<ItemResult> shown(List<ItemResult> list, List<Withheld> hidden) {
        List<ItemResult> shown = new ArrayList<>();
        for (ItemResult item : list) {
            if (item.withheld()) {
                hidden.add(new Withheld(item.number(), item.id(), item.title(), item.max(), item.visibility()));
            } else {
                shown.add(item);
            }
        }
        return List.copyOf(shown);
    }
}
