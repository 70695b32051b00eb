package labcheck.batch;

/**
 * Thrown by a {@link StudentGrader} when AWS rejected the credentials the run itself uses (an
 * expired session or SSO token, an invalid key): every later student would fail the same way,
 * so the batch stops, stores nothing for the students in flight, and exits 2 with this message.
 *
 * <pre>{@code
 * if (expired) throw new CredentialsRejected("The AWS session token has expired: run `aws sso login`.");
 * }</pre>
 */
public final class CredentialsRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialsRejected(String message) {
        super(message);
    }
}
