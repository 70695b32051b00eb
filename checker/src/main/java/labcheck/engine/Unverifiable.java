package labcheck.engine;

import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.report.Cause;
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
    private final transient Cause cause;

    public Unverifiable(String message) {
        this(message, null);
    }

    /**
     * @param howToVerify what makes the check verifiable (a flag, an IAM action, where to run);
     *                    shown as its remedy instead of the lab fix; null for a generic hint
     */
    public Unverifiable(String message, String howToVerify) {
        this(message, howToVerify, null);
    }

    /**
     * @param cause what holds the check back, shared with every other check it holds back (one step of
     *              "What to do next" for all of them); null for a reason of this check's own
     */
    public Unverifiable(String message, String howToVerify, Cause cause) {
        super(message);
        this.howToVerify = howToVerify;
        this.cause = cause;
    }

    /** Unverifiable for the reason {@code why} names, its fix and its cause with it. */
    public static Unverifiable because(Unavailable why) {
        return new Unverifiable(why.describe(), why.howToVerify(), new Cause(why.code(), why.subject()));
    }

    /** What makes the check verifiable, or null. */
    public String howToVerify() {
        return howToVerify;
    }

    /** What holds the check back when other checks share it, or null. */
    public Cause cause() {
        return cause;
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
            throw because(fact.unavailable());
        }
        return fact.value();
    }
}
