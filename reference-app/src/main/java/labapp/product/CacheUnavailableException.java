package labapp.product;

/** Redis could not answer a call that needs it (stats, warming): the HTTP layer answers 503. */
public final class CacheUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
