package labcheck.collect;

/**
 * Collection cannot start: no region, no credentials, or credentials AWS rejects (expired or
 * invalid token, a role that cannot be assumed). The message is one sentence a person can act
 * on; the CLI prints it and exits 2.
 */
public class AwsSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The {@code Unavailable} code of a fact when AWS rejected the credentials themselves: of one call
     * ({@code Faults}), and of all the AWS facts when the collection stopped for it ({@code LiveRun}).
     */
    public static final String CREDENTIALS_REJECTED = "CredentialsRejected";

    private final boolean credentialsRejected;

    public AwsSetupException(String message) {
        this(message, false);
    }

    /**
     * @param credentialsRejected AWS refused the credentials themselves (expired session or SSO token,
     *                            invalid key): no call with them can succeed, for any student
     */
    public AwsSetupException(String message, boolean credentialsRejected) {
        super(message);
        this.credentialsRejected = credentialsRejected;
    }

    public boolean credentialsRejected() {
        return credentialsRejected;
    }
}
