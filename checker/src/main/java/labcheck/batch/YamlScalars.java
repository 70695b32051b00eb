package labcheck.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalars of a YAML text as written, for keys whose values must stay text: YAML 1.1 reads
 * {@code student_id: 0123} as the octal number 83, and a student id is never a number.
 *
 * <pre>{@code
 * YamlScalars.rawValuesOf("- student_id: 0123\n", "student_id");   // ["0123"]
 * }</pre>
 */
final class YamlScalars {

    private YamlScalars() {
    }

    /** Every scalar value of {@code key} (compared after {@link RosterColumns#normalise}), in file order. */
    static List<String> rawValuesOf(String yaml, String key) {
        List<String> values = new ArrayList<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && RosterColumns.normalise(p.currentName()).equals(key)) {
                    JsonToken v = p.nextToken();
                    if (v != null && v.isScalarValue()) {
                        values.add(p.getText());
                    } else {
                        values.add(null);
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // the tree reader reports invalid YAML itself
        }
        return values;
    }
}
