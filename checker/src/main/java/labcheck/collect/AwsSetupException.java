package labcheck.collect;

/**
 * Collection cannot start: no region, no credentials, or credentials AWS rejects (expired or
 * invalid token, a role that cannot be assumed). The message is one sentence a person can act
 * on; the CLI prints it and exits 2.
 */
public class AwsSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AwsSetupException(String message) {
        super(message);
    }
}
