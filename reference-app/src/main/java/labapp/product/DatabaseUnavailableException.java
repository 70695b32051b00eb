package labapp.product;

/** The database could not answer (down, unreachable, timed out): the HTTP layer answers 503. */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
