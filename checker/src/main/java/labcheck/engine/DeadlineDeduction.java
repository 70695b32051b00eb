package labcheck.engine;

import java.util.ArrayList;
import java.util.List;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Marks;

/**
 * The rubric's {@code thresholds.changedAfterDeadlineDeduction}: marks taken off a student whose lab
 * was created or changed after the deadline. They are shown as the negative marks of the check that
 * raised {@link Finding#CHANGED_AFTER_DEADLINE}, so the items still add up to the total, and never
 * exceed what the student earned elsewhere (a total is never negative). 0 (the default) only flags.
 *
 * <pre>{@code
 * DeadlineDeduction d = DeadlineDeduction.of(items, bonus, thresholds.changedAfterDeadlineDeduction());
 * items = d.items(); bonus = d.bonus();    // unchanged when nothing was raised or the deduction is 0
 * }</pre>
 */
record DeadlineDeduction(List<ItemResult> items, List<ItemResult> bonus, double taken) {

    static DeadlineDeduction of(List<ItemResult> items, List<ItemResult> bonus, double deduction) {
        if (!(deduction > 0)) {
            return new DeadlineDeduction(items, bonus, 0);
        }
        double earned = items.stream().mapToDouble(ItemResult::marks).sum()
                + bonus.stream().mapToDouble(ItemResult::marks).sum();
        double taken = Marks.round(Math.min(deduction, earned));
        if (!(taken > 0)) {
            return new DeadlineDeduction(items, bonus, 0);
        }
        List<ItemResult> newItems = new ArrayList<>(items);
        if (deduct(newItems, taken)) {
            return new DeadlineDeduction(List.copyOf(newItems), bonus, taken);
        }
        List<ItemResult> newBonus = new ArrayList<>(bonus);
        return deduct(newBonus, taken) ? new DeadlineDeduction(items, List.copyOf(newBonus), taken)
                : new DeadlineDeduction(items, bonus, 0);
    }

    /** Gives the first check that raised the finding {@code -taken} marks; false when none did. */
    private static boolean deduct(List<ItemResult> items, double taken) {
        for (int i = 0; i < items.size(); i++) {
            ItemResult item = items.get(i);
            List<CheckResult> checks = new ArrayList<>(item.checks());
            for (int j = 0; j < checks.size(); j++) {
                CheckResult c = checks.get(j);
                if (c.raised(Finding.CHANGED_AFTER_DEADLINE.id())) {
                    checks.set(j, new CheckResult(c.number(), c.id(), c.title(), Marks.round(c.marks() - taken),
                            c.max(), c.outcome(), c.message(), c.remediation(), c.details(), c.findings(),
                            c.findingDetails()));
                    double marks = Marks.round(checks.stream().mapToDouble(CheckResult::marks).sum());
                    items.set(i, new ItemResult(item.number(), item.id(), item.title(), marks, item.max(),
                            ScoresheetAssembler.status(marks, item.max(), checks), List.copyOf(checks)));
                    return true;
                }
            }
        }
        return false;
    }

    /** The scoresheet's note when marks were taken, else null. */
    String note() {
        return taken > 0 ? Marks.format(taken) + " mark(s) deducted: the lab was created or changed after the"
                + " deadline (the rubric's changedAfterDeadlineDeduction); see the check that raised it." : null;
    }
}
