package labcheck.collect;

/**
 * Collection cannot start: no region, no credentials, or credentials AWS rejects (expired or
 * invalid token, a role that cannot be assumed). The message is one sentence a person can act
 * on; the CLI prints it and exits 2.
 */
public class AwsSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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
