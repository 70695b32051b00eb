package labcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gradescope's autograder {@code results.json}: one test per check, numbered "item.check", so a
 * course on Gradescope can take labcheck's marks as they are. Fields follow Gradescope's
 * "Autograder Specifications" (top level {@code score}, {@code output}, {@code visibility},
 * {@code stdout_visibility}, {@code extra_data}, {@code tests}; per test {@code score},
 * {@code max_score}, {@code status}, {@code name}, {@code number}, {@code output},
 * {@code tags}, {@code visibility}).
 *
 * <pre>{@code
 * String json = GradescopeReport.toJson(sheet);   // write to /autograder/results/results.json
 * }</pre>
 */
public final class GradescopeReport {

    private GradescopeReport() {
    }

    /** Top level. {@code score} overrides the sum of the tests, which is what labcheck's total is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Results(
            double score,
            String output,
            String visibility,
            @JsonProperty("stdout_visibility") String stdoutVisibility,
            @JsonProperty("extra_data") Extra extraData,
            List<Test> tests) {
    }

    /** Gradescope stores {@code extra_data} as is; the maximum has no top-level field there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extra(
            @JsonProperty("max_score") double maxScore,
            @JsonProperty("rubric_id") String rubricId,
            @JsonProperty("rubric_version") String rubricVersion,
            @JsonProperty("labcheck_version") String labcheckVersion,
            @JsonProperty("graded_at") String gradedAt,
            String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Test(
            String name,
            String number,
            double score,
            @JsonProperty("max_score") double maxScore,
            String status,
            String output,
            List<String> tags,
            String visibility) {
    }

    /** The results.json text (pretty, deterministic, ending with a newline). */
    public static String toJson(Scoresheet sheet) {
        Scoresheet s = Printable.of(sheet);
        List<Test> tests = new ArrayList<>();
        addTests(tests, s.items(), false);
        addTests(tests, s.bonus(), true);
        Scoresheet.Student st = s.student();
        Extra extra = new Extra(s.max(), s.rubricId(), s.rubricVersion(), s.labcheckVersion(), s.gradedAt(),
                st == null ? null : st.source());
        return JsonReport.write(new Results(s.total(), summary(s), "visible", "hidden", extra, tests));
    }

    private static void addTests(List<Test> tests, List<ItemResult> items, boolean bonus) {
        if (items == null) {
            return;
        }
        for (ItemResult item : items) {
            for (CheckResult c : item.checks()) {
                String name = c.title().equals(c.id()) ? c.id() : c.title() + " [" + c.id() + "]";
                tests.add(new Test(name, c.number(), c.marks(), c.max(),
                        c.outcome() == Outcome.PASSED ? "passed" : "failed", output(c),
                        tags(item, c, bonus), visibility(item)));
            }
        }
    }

    /**
     * Gradescope's visibility of an item's tests, from the rubric's: {@code student} is {@code visible},
     * {@code after_deadline} is {@code after_due_date}, {@code judges} is {@code hidden}.
     */
    static String visibility(ItemResult item) {
        if (item.visibility() == null) {
            return "visible";
        }
        return switch (item.visibility()) {
            case ItemResult.AFTER_DEADLINE -> "after_due_date";
            case ItemResult.JUDGES -> "hidden";
            default -> "visible";
        };
    }

    /** The item id and the outcome, so Gradescope can filter e.g. every unverifiable check. */
    private static List<String> tags(ItemResult item, CheckResult c, boolean bonus) {
        List<String> tags = new ArrayList<>();
        if (bonus) {
            tags.add("bonus");
        }
        if (item.id() != null) {
            tags.add(item.id());
        }
        tags.add(c.outcome().name().toLowerCase(Locale.ROOT));
        return tags;
    }

    private static String output(CheckResult c) {
        StringBuilder sb = new StringBuilder(c.outcome().name()).append(" (").append(Marks.format(c.marks()))
                .append(" of ").append(Marks.format(c.max())).append(" marks)");
        if (c.message() != null && !c.message().isBlank()) {
            sb.append("\n").append(c.message());
        }
        if (c.remediation() != null && !c.remediation().isBlank() && c.outcome() != Outcome.PASSED) {
            sb.append("\n\nHow to fix: ").append(c.remediation());
        }
        if (c.details() != null && !c.details().isBlank()) {
            sb.append("\n\nDetails:\n").append(c.details());
        }
        return sb.toString();
    }

    private static String optional(String prefix, String value) {
        return value == null ? "" : prefix + value;
    }

    private static String summary(Scoresheet s) {
        Scoresheet.Student st = s.student();
        // the summary is shown with the visible tests: it counts what a student may see
        Scoresheet shown = s.forStudent();
        String marks = shown.withheld().isEmpty() ? Marks.format(s.total()) + " / " + Marks.format(s.max()) + " marks"
                : Marks.format(shown.total()) + " of " + Marks.format(shown.max()) + " shown marks ("
                + Marks.format(shown.withheldMarks()) + " marks are judged later)";
        StringBuilder sb = new StringBuilder("labcheck").append(optional(" ", s.labcheckVersion())).append(": ")
                .append(marks).append(" for ")
                .append(s.rubricTitle()).append(" (rubric ").append(s.rubricId())
                .append(optional(" ", s.rubricVersion())).append(')')
                .append(optional(", graded at ", s.gradedAt())).append('.');
        if (st != null && st.source() != null) {
            sb.append("\nEvidence source: ").append(st.source()).append('.');
        }
        if (s.notes() != null) {
            s.notes().forEach(n -> sb.append("\n").append(n));
        }
        return sb.toString();
    }
}
