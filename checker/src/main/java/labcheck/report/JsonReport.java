package labcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The scoresheet as pretty JSON ({@code scoresheet.json}): the machine-readable record of a
 * grade, byte-identical for the same scoresheet on any machine.
 *
 * <pre>{@code
 * String json = JsonReport.toJson(sheet);
 * Scoresheet again = JsonReport.fromJson(json, "scoresheet.json");
 * }</pre>
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Two-space indent and LF on every OS (Jackson's default indenter uses the platform line separator). */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReport() {
    }

    /** The JSON text, ending with a newline. */
    public static String toJson(Scoresheet sheet) {
        return write(sheet);
    }

    /** Reads a scoresheet written by {@link #toJson}; {@code origin} names it in errors. */
    public static Scoresheet fromJson(String json, String origin) {
        try {
            return MAPPER.readValue(json, Scoresheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not a labcheck scoresheet: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ".", e);
        }
    }

    /** Deterministic pretty JSON of any report value, ending with a newline. */
    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
