package labcheck.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import labcheck.evidence.Fact;
import labcheck.evidence.SecretGuard;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.SourceExcerpt;

/**
 * Finds the product route in the student's source ({@code --source FILE}) and cuts out its
 * lines for the judge, noting where it first reads the cache and first queries the database.
 * A heuristic for a human reader: it grades nothing by itself.
 */
final class SourceScanner {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_LINES = 45;
    private static final Pattern ROUTE = Pattern.compile("(?i)(route|get|mapping|app\\.|router|@).*[\"'`]/product");
    private static final Pattern NEXT_ROUTE = Pattern.compile("(?i)^\\s*(@app\\.route|@\\w*mapping|app\\.(get|put|post|delete)\\(|@get|def main|if __name__)");
    private static final Pattern CACHE_READ = Pattern.compile(
            "(?i)(redis|cache|jedis|client)\\w*\\s*\\.\\s*(get|hget|exists|mget)\\s*\\(");
    private static final Pattern DB_QUERY = Pattern.compile(
            "(?i)(\\bselect\\s+.+\\bfrom\\b|\\.execute(query)?\\s*\\(|preparestatement\\s*\\(|\\.query\\s*\\(|findbyid\\s*\\()");

    private SourceScanner() {
    }

    static Fact<SourceExcerpt> scan(Path file) {
        if (file == null) {
            return Fact.notCollected("The app's source", "run with --source FILE (e.g. app_with_cache.py) to show the "
                    + "product route's code to the judge.");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return tooLarge(file.getFileName().toString());
            }
            return scan(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Fact.unavailable(new Unavailable("NotCollected", null, "The source file " + file.getFileName()
                    + " could not be read (" + e.getMessage() + ")."));
        }
    }

    /** The source read elsewhere (the instance), or why it could not be. */
    static Fact<SourceExcerpt> scanText(SourceText source) {
        if (source.text() == null) {
            return Fact.unavailable(new Unavailable("NotCollected", null, source.problem()));
        }
        // the bound is in bytes, as for a local file: a multi-byte text has fewer chars than bytes
        if (source.text().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return tooLarge(source.name());
        }
        return scan(source.name(), source.text());
    }

    private static Fact<SourceExcerpt> tooLarge(String name) {
        return Fact.unavailable(new Unavailable("InvalidResponse", null, name
                + " is larger than 1 MiB; pass the file that defines the /product route."));
    }

    private static Fact<SourceExcerpt> scan(String name, String text) {
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (ROUTE.matcher(lines.get(i)).find()) {
                start = i;
            }
        }
        if (start < 0) {
            return Fact.unavailable(new Unavailable("InvalidResponse", null, "No /product route was found in "
                    + name + "; pass the file that defines GET /product/<id>."));
        }
        int end = Math.min(lines.size(), start + MAX_LINES);
        for (int i = start + 2; i < end; i++) {
            if (NEXT_ROUTE.matcher(lines.get(i)).find()) {
                end = i;
            }
        }
        int cacheLine = 0;
        int dbLine = 0;
        StringBuilder excerpt = new StringBuilder();
        for (int i = start; i < end; i++) {
            String l = lines.get(i);
            if (cacheLine == 0 && CACHE_READ.matcher(l).find()) {
                cacheLine = i + 1;
            }
            if (dbLine == 0 && DB_QUERY.matcher(l).find()) {
                dbLine = i + 1;
            }
            excerpt.append(String.format("%4d | %s%n", i + 1, l));
        }
        // a student's source may hold password = '...' inline: the judge sees [redacted] instead
        return Fact.of(new SourceExcerpt(name, start + 1, SecretGuard.redact(excerpt.toString()), cacheLine, dbLine));
    }
}
