package labcheck.report;

/**
 * A scoresheet template that does not parse or fails while rendering. The message names the
 * template file, the line and column, what went wrong and how to recover; it is an input
 * error (a bad {@code --templates} directory), hence an {@link IllegalArgumentException}.
 */
public final class TemplateError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    TemplateError(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** The template file (a path in the override directory, or the built-in resource). */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
