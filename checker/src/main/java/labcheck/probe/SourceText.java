package labcheck.probe;

/**
 * The app's source as read from somewhere other than a local file (the instance, over SSH):
 * its name and text, or why it could not be read.
 *
 * @param name    the file as the user named it, e.g. {@code ~/product-api/app_with_cache.py}
 * @param text    its text, or null when it could not be read
 * @param problem why it could not be read (one sentence with the fix), or null
 */
public record SourceText(String name, String text, String problem) {

    public static SourceText of(String name, String text) {
        return new SourceText(name, text, null);
    }

    public static SourceText unreadable(String name, String problem) {
        return new SourceText(name, null, problem);
    }
}
