package labcheck.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A key written twice in one YAML mapping (a rubric, a YAML roster, labcheck.yaml) is refused naming
 * the key and both lines: YAML parsers keep the last silently, so a threshold changed on one line and
 * forgotten on another would grade a whole cohort by the wrong one.
 *
 * <pre>{@code
 * YamlKeys.requireUnique(text, "mine.yaml");      // "mine.yaml, line 12: key 'requestsPerApp' ... (first on line 9)"
 * YAMLMapper mapper = YamlKeys.strict().build();  // Jackson's STRICT_DUPLICATE_DETECTION too
 * }</pre>
 */
public final class YamlKeys {

    private YamlKeys() {
    }

    /** A YAML mapper builder that refuses duplicate keys itself too, for any text read without the check above. */
    public static YAMLMapper.Builder strict() {
        return YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code origin}, the line, the key, where it is and the
     * line it was first written on, for the first key written twice in one mapping. Text that is not valid
     * YAML is left to the caller's parser, which says why.
     */
    public static void requireUnique(String yaml, String origin) {
        Deque<Map<String, Integer>> mappings = new ArrayDeque<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    mappings.push(new HashMap<>());
                } else if (t == JsonToken.END_OBJECT) {
                    mappings.pop();
                } else if (t == JsonToken.FIELD_NAME) {
                    int line = p.currentTokenLocation().getLineNr();
                    Integer first = mappings.peek().putIfAbsent(p.currentName(), line);
                    if (first != null) {
                        String in = where(p.getParsingContext().getParent().pathAsPointer().toString());
                        throw new IllegalArgumentException(origin + ", line " + line + ": key '" + p.currentName()
                                + "' appears twice in " + in + " (first on line " + first + "); YAML would keep only"
                                + " the last, silently. Fix: keep one of them.");
                    }
                }
            }
        } catch (IOException notYaml) {
            // the caller's own parser reports it, with its line
        }
    }

    /** {@code /items/3/checks} as {@code items[3].checks}; the root as "the top level", {@code /0} as "entry 1". */
    private static String where(String pointer) {
        if (pointer.isEmpty()) {
            return "the top level";
        }
        if (pointer.matches("/\\d+")) {
            return "entry " + (Integer.parseInt(pointer.substring(1)) + 1);
        }
        return pointer.replaceAll("/(\\d+)(?=/|$)", "[$1]").replaceFirst("^/", "").replace('/', '.');
    }
}
