package labcheck.report;

import java.util.Objects;

/**
 * What holds a check back, by a stable identity: a code and the thing it is about. Two checks held
 * back by equal causes share one line in "What to do next", whatever their messages say.
 *
 * <pre>{@code
 * new Cause("AccessDenied", "mysql:jdbc:mysql://db.example:3306/ecommerce");   // a refused database login
 * new Cause("NotCollected", "aws");                                           // no AWS region or credentials
 * Cause.of(check);                                                            // the check's, or one made from it
 * }</pre>
 *
 * @param code    the kind of cause: an unavailable fact's code ({@code AccessDenied}, {@code NotCollected},
 *                {@code Unreachable}, ...), or {@link #CHECK_FAILED}, {@link #UNVERIFIED} or {@link #LABCHECK_ERROR}
 * @param subject what the cause is about (an API action, a server, a flag, a check id); never null
 */
public record Cause(String code, String subject) {

    /** A check that failed or earned part of its marks: the lab itself needs the check's fix. */
    public static final String CHECK_FAILED = "CheckFailed";
    /** A check unverifiable for a reason of its own, with no shared cause named. */
    public static final String UNVERIFIED = "Unverified";
    /** A labcheck bug: every errored check shares this one cause. */
    public static final String LABCHECK_ERROR = "LabcheckError";

    public Cause {
        Objects.requireNonNull(code, "code");
        subject = subject == null ? "" : subject;
    }

    /**
     * The check's cause when it names one, else the one its outcome implies: its own fix for a failure,
     * its own reason for an unverifiable check, one shared cause for every labcheck error; null for a pass.
     */
    public static Cause of(CheckResult c) {
        if (c.cause() != null) {
            return c.cause();
        }
        if (c.outcome() == null) {
            return null;
        }
        return switch (c.outcome()) {
            case PASSED -> null;
            case PARTIAL, FAILED -> new Cause(CHECK_FAILED, c.id());
            case UNVERIFIABLE -> new Cause(UNVERIFIED, c.id());
            case ERROR -> new Cause(LABCHECK_ERROR, "labcheck");
        };
    }
}
