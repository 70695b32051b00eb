package labcheck.reach;

/** Something on the way to the instance failed; the message names the flag and the fix. */
public final class ReachException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReachException(String message) {
        super(message);
    }
}
