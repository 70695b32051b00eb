package labcheck.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import labcheck.evidence.Evidence;
import labcheck.evidence.GradedCache;
import labcheck.evidence.Subject;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Marks;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;

/** Puts check runs into rubric order with their marks; pure, so regrading is byte-identical. */
final class ScoresheetAssembler {

    private final Rubric rubric;
    private final CheckIndex index;

    ScoresheetAssembler(Rubric rubric, CheckIndex index) {
        this.rubric = rubric;
        this.index = index;
    }

    /**
     * @param selected the check ids this run graded ({@code check --item}), or null for all: an item
     *                 with none of them is {@link Scoresheet.NotRun}, one with some is graded on those
     */
    Scoresheet assemble(GradingContext context, Map<String, CheckRun> runs, Instant gradedAt, Set<String> selected) {
        Evidence evidence = context.evidence();
        List<Scoresheet.NotRun> notRun = new ArrayList<>();
        DeadlineDeduction deduction = DeadlineDeduction.of(
                items(rubric.items(), "", runs, context.thresholds(), selected, notRun),
                items(rubric.bonus(), "B", runs, context.thresholds(), selected, notRun),
                context.thresholds().changedAfterDeadlineDeduction());
        List<ItemResult> items = deduction.items();
        List<ItemResult> bonus = deduction.bonus();
        double total = Marks.round(sum(items) + sum(bonus));
        double max = Marks.round(items.stream().mapToDouble(ItemResult::max).sum());
        List<String> notes = new ArrayList<>(notes(evidence, items, bonus));
        if (deduction.note() != null) {
            notes.add(deduction.note());
        }
        if (!notRun.isEmpty()) {
            notes.add("Not run (check --item): " + notRun.size() + " item(s) worth " + Marks.format(notRun.stream()
                    .filter(n -> !n.number().startsWith("B")).mapToDouble(Scoresheet.NotRun::max).sum())
                    + " marks; neither their marks nor their maximum are in the total. Run without --item to grade"
                    + " every item.");
        }
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, Version.current(), rubric.id(), rubric.version(),
                rubric.title(), student(evidence), gradedAt.toString(), total, max, items, bonus, List.copyOf(notes),
                List.of(), notRun.isEmpty() ? null : new Scoresheet.Loop(notRun, null, null));
    }

    private List<ItemResult> items(List<RubricItem> rubricItems, String prefix, Map<String, CheckRun> runs,
                                   Thresholds thresholds, Set<String> selected, List<Scoresheet.NotRun> notRun) {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < rubricItems.size(); i++) {
            RubricItem item = rubricItems.get(i);
            String number = prefix + (i + 1);
            List<CheckResult> checks = new ArrayList<>();
            double max = 0;
            for (int j = 0; j < item.checks().size(); j++) {
                RubricCheck rc = item.checks().get(j);
                if (selected == null || selected.contains(rc.id())) {
                    checks.add(check(number + "." + (j + 1), rc, runs, thresholds));
                    max += rc.marks();
                }
            }
            if (checks.isEmpty() && !item.checks().isEmpty()) {
                notRun.add(new Scoresheet.NotRun(number, item.id(), item.title(), item.marks()));
                continue;
            }
            // graded on some of its checks (--item CHECK_ID), an item is out of those checks' marks
            double itemMax = checks.size() == item.checks().size() ? item.marks() : Marks.round(max);
            double marks = Marks.round(checks.stream().mapToDouble(CheckResult::marks).sum());
            results.add(new ItemResult(number, item.id(), item.title(), marks, itemMax,
                    status(marks, itemMax, checks), List.copyOf(checks), visibility(item)));
        }
        return List.copyOf(results);
    }

    private CheckResult check(String number, RubricCheck rubricCheck, Map<String, CheckRun> runs,
                              Thresholds thresholds) {
        Optional<CheckInfo> info = index.get(rubricCheck.id());
        CheckRun run = runs.get(rubricCheck.id());
        if (run == null) {
            String why = info.isEmpty()
                    ? "this labcheck has no check with id " + rubricCheck.id() + "; the rubric is newer than labcheck"
                    : "check " + rubricCheck.id() + " did not run";
            run = new CheckRun(rubricCheck.id(), Outcome.ERROR, 0, "labcheck error: " + why + ".", null);
        }
        String title = info.map(i -> i.title(thresholds)).orElse(rubricCheck.id());
        String message = run.message() != null ? run.message() : title + ".";
        String remediation = remediation(run, info, thresholds);
        double marks = Marks.round(rubricCheck.marks() * run.fraction());
        return new CheckResult(number, rubricCheck.id(), title, marks, rubricCheck.marks(), run.outcome(), message,
                remediation, run.details(), run.findings(), run.findingDetails(),
                run.outcome() == Outcome.UNVERIFIABLE ? run.cause() : null);
    }

    /** The rubric's visibility as the scoresheet records it: null for the student's default. */
    private static String visibility(RubricItem item) {
        return item.visibility() == Rubric.Visibility.STUDENT ? null : item.visibility().key();
    }

    /** Hint for an unverifiable check whose cause carries no specific one. */
    static final String VERIFY_HINT = "Nothing in the lab to change for this yet: the reason above names what "
            + "labcheck could not read; make it readable (a flag, an IAM permission, or where labcheck runs) and run "
            + "labcheck again.";

    /** The lab fix for what failed, in the rubric's values; for what could not be verified, how to make it so. */
    private static String remediation(CheckRun run, Optional<CheckInfo> info, Thresholds thresholds) {
        if (run.outcome() == Outcome.PASSED) {
            return null;
        }
        if (run.outcome() == Outcome.UNVERIFIABLE) {
            return CheckResult.VERIFY_PREFIX + (run.howToVerify() != null ? run.howToVerify() : VERIFY_HINT);
        }
        return info.map(i -> i.remediation(thresholds)).orElse(null);
    }

    /** PASSED with all marks, PARTIAL with some, else the worst outcome among the checks. */
    static Outcome status(double marks, double max, List<CheckResult> checks) {
        boolean allPassed = checks.stream().allMatch(c -> c.outcome() == Outcome.PASSED);
        if (max > 0 && marks >= max || max == 0 && allPassed) {
            return Outcome.PASSED;
        }
        if (marks > 0) {
            return Outcome.PARTIAL;
        }
        for (Outcome worst : List.of(Outcome.ERROR, Outcome.FAILED, Outcome.UNVERIFIABLE, Outcome.PARTIAL)) {
            if (checks.stream().anyMatch(c -> c.outcome() == worst)) {
                return worst;
            }
        }
        return Outcome.FAILED;
    }

    private Scoresheet.Student student(Evidence evidence) {
        Subject s = evidence.subject();
        String account = evidence.identity() != null && evidence.identity().available()
                ? evidence.identity().value().account() : null;
        if (s == null) {
            return new Scoresheet.Student(null, null, account, null, null, null, "none");
        }
        String labId = s.clusterId() != null ? s.clusterId() : rubric.thresholds().clusterId();
        return new Scoresheet.Student(s.studentId(), s.name(), account, s.region(), s.clusterId(), s.appUrl(),
                s.source() == null ? "none" : s.source(), GradedCache.inPlaceOf(evidence, labId).orElse(null));
    }

    private List<String> notes(Evidence evidence, List<ItemResult> items, List<ItemResult> bonus) {
        List<String> notes = new ArrayList<>();
        String source = evidence.subject() == null || evidence.subject().source() == null
                ? "none" : evidence.subject().source();
        notes.add("Evidence source: " + source + (evidence.collectedAt() == null ? "."
                : ", collected at " + evidence.collectedAt() + "."));
        if ("sample account".equals(source)) {
            notes.add("These marks grade a sample account's evidence, not a student's own AWS account.");
        }
        notes.addAll(evidence.notes());
        if (bonus.stream().anyMatch(b -> b.max() > 0)) {
            notes.add("Bonus marks count toward the total but not toward the maximum.");
        }
        return List.copyOf(notes);
    }

    private static double sum(List<ItemResult> items) {
        return items.stream().mapToDouble(ItemResult::marks).sum();
    }
}
