package labcheck.rubric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every node of a YAML document, by JSON Pointer ({@code /items/0/checks/1/id}),
 * so that validation after data binding can still say where a problem is.
 */
final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLines index(String yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // a block mapping's START_OBJECT is located on the line before its first key: use the key
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY || token == JsonToken.START_OBJECT
                        || token == JsonToken.START_ARRAY && parser.getParsingContext().getParent() == null) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_ARRAY) {
                    context = context.getParent();
                }
                int line = parser.currentTokenLocation().getLineNr();
                String pointer = context.pathAsPointer().toString();
                lines.putIfAbsent(pointer, line);
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(pointer.substring(0, pointer.lastIndexOf('/')), line);
                }
            }
        }
        return new YamlLines(lines);
    }

    /** The line of {@code pointer}, else of its closest ancestor, else 1. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, slash);
        }
    }
}
