package labcheck.report;

import java.util.List;

/**
 * One line of "What to do next": a cause, its fix, and what it holds back.
 *
 * @param cause  the cause's identity; the steps of one sheet have distinct causes
 * @param fix    one instruction that removes the cause (it names the cause: "MySQL refused user admin with the
 *               password from DB_PASSWORD: ..."), or the failing check's remediation
 * @param marks  the marks the cause holds back: the sum over its checks of the marks they did not earn
 * @param checks the numbers of the checks it holds back ("1.1", "B2.1"), in sheet order
 * @param titles the titles of those checks, in the same order
 */
public record NextStep(Cause cause, String fix, double marks, List<String> checks, List<String> titles) {

    public NextStep {
        checks = List.copyOf(checks);
        titles = List.copyOf(titles);
    }

    /** Whether acting on it can earn marks (an unmarked information or extension check earns none). */
    public boolean marked() {
        return marks > 0;
    }
}
