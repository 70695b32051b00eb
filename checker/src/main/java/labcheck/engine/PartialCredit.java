package labcheck.engine;

import org.opentest4j.AssertionFailedError;

/**
 * Thrown by a check that earns a fraction of its marks; the message says what was missing.
 *
 * <pre>{@code
 * throw new PartialCredit(0.5, "Port 6379 is open to sg-app, but also to 0.0.0.0/0.");
 * }</pre>
 */
public class PartialCredit extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final double fraction;

    public PartialCredit(double fraction, String message) {
        super(message);
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("partial credit must be strictly between 0 and 1, was " + fraction);
        }
        this.fraction = fraction;
    }

    public double fraction() {
        return fraction;
    }
}
