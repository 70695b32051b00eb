package labcheck.engine;

import labcheck.evidence.Fact;
import labcheck.report.Outcome;
import org.opentest4j.TestAbortedException;

/**
 * Thrown by a check whose evidence could not be had. JUnit reports it as aborted; labcheck
 * scores it as {@link Outcome#UNVERIFIABLE}: no marks, and the message says what to grant
 * or where to run from.
 */
public class Unverifiable extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final String howToVerify;

    public Unverifiable(String message) {
        this(message, null);
    }

    /**
     * @param howToVerify what makes the check verifiable (a flag, an IAM action, where to run);
     *                    shown as its remedy instead of the lab fix; null for a generic hint
     */
    public Unverifiable(String message, String howToVerify) {
        super(message);
        this.howToVerify = howToVerify;
    }

    /** What makes the check verifiable, or null. */
    public String howToVerify() {
        return howToVerify;
    }

    /**
     * The fact's value, or throws {@code Unverifiable} carrying why it is missing.
     *
     * <pre>{@code
     * List<RouteTable> tables = Unverifiable.require(evidence.routeTables());
     * }</pre>
     */
    public static <T> T require(Fact<T> fact) {
        if (fact == null) {
            throw new Unverifiable("The evidence this check needs is missing from the bundle.");
        }
        if (!fact.available()) {
            throw new Unverifiable(fact.unavailable().describe(), fact.unavailable().howToVerify());
        }
        return fact.value();
    }
}
