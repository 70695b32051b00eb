package labcheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What to do next": every check that did not earn all its marks, grouped by {@link Cause}, one step
 * per cause, the most marks at stake first (ties in sheet order). Eleven checks held back by one
 * missing {@code --region} are one step, not eleven copies of its fix.
 *
 * <pre>{@code
 * List<NextStep> steps = NextSteps.of(sheet.items(), sheet.bonus());
 * steps.get(0).fix();      // "Run with --region and credentials ..."
 * steps.get(0).checks();   // ["1.1", "1.2", ..., "B4.1"]
 * }</pre>
 */
public final class NextSteps {

    /** The fix of a step whose checks labcheck could not run. */
    static final String REPORT_ERROR = "labcheck could not run these checks (a labcheck bug, not the lab's): report it"
            + " with evidence.json; no marks of other checks were taken because of it.";

    private NextSteps() {
    }

    /** The steps for these items and bonus items (either may be null), in the order to act on them. */
    public static List<NextStep> of(List<ItemResult> items, List<ItemResult> bonus) {
        Map<Cause, Group> groups = new LinkedHashMap<>();
        for (List<ItemResult> list : java.util.Arrays.asList(items, bonus)) {
            if (list == null) {
                continue;
            }
            for (ItemResult item : list) {
                for (CheckResult c : item.checks() == null ? List.<CheckResult>of() : item.checks()) {
                    Cause cause = Cause.of(c);
                    if (cause != null) {
                        groups.computeIfAbsent(cause, k -> new Group(k, sentence(fix(c)))).add(c);
                    }
                }
            }
        }
        List<Group> ordered = new ArrayList<>(groups.values());
        // stable: equal stakes keep sheet order
        ordered.sort(Comparator.comparingDouble((Group g) -> -g.marks));
        return ordered.stream().map(Group::step).toList();
    }

    /** The fix a check's cause calls for, from the first check it holds back. */
    static String fix(CheckResult c) {
        String remediation = c.remediation() == null || c.remediation().isBlank() ? null : c.remediation();
        return switch (c.outcome()) {
            case ERROR -> REPORT_ERROR;
            case UNVERIFIABLE -> {
                if (remediation != null && remediation.startsWith(CheckResult.VERIFY_PREFIX)) {
                    String how = remediation.substring(CheckResult.VERIFY_PREFIX.length());
                    // a check's own reason without a named fix: the reason is the step
                    yield c.cause() == null && c.message() != null ? c.message() + " " + how : how;
                }
                yield remediation != null ? remediation : orTitle(c.message(), c);
            }
            default -> remediation != null ? remediation : orTitle(c.message(), c);
        };
    }

    /** Every step reads as a sentence, whatever the text it was given ended with. */
    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String orTitle(String text, CheckResult c) {
        return text != null && !text.isBlank() ? text : (c.title() != null ? c.title() : c.id()) + ".";
    }

    private static final class Group {
        final Cause cause;
        final String fix;
        final List<String> checks = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        double marks;

        Group(Cause cause, String fix) {
            this.cause = cause;
            this.fix = fix;
        }

        void add(CheckResult c) {
            checks.add(c.number());
            titles.add(c.title() != null ? c.title() : c.id());
            marks += Math.max(0, c.max() - c.marks());
        }

        NextStep step() {
            return new NextStep(cause, fix, Marks.round(marks), checks, titles);
        }
    }
}
