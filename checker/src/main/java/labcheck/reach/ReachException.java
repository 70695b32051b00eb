package labcheck.reach;

/** Something on the way to the instance failed; the message names the flag and the fix. */
public final class ReachException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What failed, for a caller that knows more to say about it (EC2 Instance Connect names the group, the AMI). */
    public enum Kind {
        /** sshd could not be reached: refused, not routable, or silent within the connect bound. */
        NO_CONNECTION,
        /** sshd answered and refused the key. */
        KEY_REFUSED,
        /** anything else: a host key refused, a slow login, a forward refused, a dropped link. */
        OTHER
    }

    private final Kind kind;

    public ReachException(String message) {
        this(Kind.OTHER, message);
    }

    public ReachException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
