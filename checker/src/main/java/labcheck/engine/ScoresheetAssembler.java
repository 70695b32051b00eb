package labcheck.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    Scoresheet assemble(GradingContext context, Map<String, CheckRun> runs, Instant gradedAt) {
        Evidence evidence = context.evidence();
        DeadlineDeduction deduction = DeadlineDeduction.of(items(rubric.items(), "", runs, context.thresholds()),
                items(rubric.bonus(), "B", runs, context.thresholds()),
                context.thresholds().changedAfterDeadlineDeduction());
        List<ItemResult> items = deduction.items();
        List<ItemResult> bonus = deduction.bonus();
        double total = Marks.round(sum(items) + sum(bonus));
        double max = Marks.round(items.stream().mapToDouble(ItemResult::max).sum());
        List<String> notes = new ArrayList<>(notes(evidence, items, bonus));
        if (deduction.note() != null) {
            notes.add(deduction.note());
        }
        return new Scoresheet(Scoresheet.SCHEMA_VERSION, Version.current(), rubric.id(), rubric.version(),
                rubric.title(), student(evidence), gradedAt.toString(), total, max, items, bonus, List.copyOf(notes));
    }

    private List<ItemResult> items(List<RubricItem> rubricItems, String prefix, Map<String, CheckRun> runs,
                                   Thresholds thresholds) {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < rubricItems.size(); i++) {
            RubricItem item = rubricItems.get(i);
            String number = prefix + (i + 1);
            List<CheckResult> checks = new ArrayList<>();
            for (int j = 0; j < item.checks().size(); j++) {
                checks.add(check(number + "." + (j + 1), item.checks().get(j), runs, thresholds));
            }
            double marks = Marks.round(checks.stream().mapToDouble(CheckResult::marks).sum());
            results.add(new ItemResult(number, item.id(), item.title(), marks, item.marks(),
                    status(marks, item.marks(), checks), List.copyOf(checks)));
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
                remediation, run.details(), run.findings(), run.findingDetails());
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
        List<ItemResult> all = new ArrayList<>(items);
        all.addAll(bonus);
        for (ItemResult item : all) {
            for (CheckResult c : item.checks()) {
                if (c.outcome() == Outcome.UNVERIFIABLE) {
                    notes.add("Unverifiable " + c.number() + " " + c.id() + ": " + c.message());
                } else if (c.outcome() == Outcome.ERROR) {
                    notes.add("labcheck error " + c.number() + " " + c.id() + ": please report it; no marks were"
                            + " taken from other checks because of it.");
                }
            }
        }
        if (bonus.stream().anyMatch(b -> b.max() > 0)) {
            notes.add("Bonus marks count toward the total but not toward the maximum.");
        }
        return List.copyOf(notes);
    }

    private static double sum(List<ItemResult> items) {
        return items.stream().mapToDouble(ItemResult::marks).sum();
    }
}
