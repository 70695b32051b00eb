package labcheck.probe;

import java.nio.file.Path;

/**
 * The app's source, for the judge's excerpt: a file on this host, or the text read elsewhere
 * (the instance, over SSH), which wins; {@link #NONE} when not given.
 *
 * <pre>{@code
 * Source s = Source.ofFile(Path.of("app_with_cache.py"));
 * }</pre>
 *
 * @param file a file on this host, or null
 * @param text the source as read elsewhere, or null
 */
public record Source(Path file, SourceText text) {

    /** No source given. */
    public static final Source NONE = new Source(null, null);

    public static Source ofFile(Path file) {
        return new Source(file, null);
    }

    public static Source ofText(SourceText text) {
        return new Source(null, text);
    }
}
