package labcheck.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import labcheck.text.YamlKeys;

/**
 * The students to grade, read from a CSV file with a header or a YAML list; rows that cannot
 * be graded are kept as {@link RosterProblem}s so the rest of the cohort is still graded.
 *
 * <pre>{@code
 * Roster roster = Roster.read(Path.of("roster.csv"), System.getenv());
 * roster.entries();   // valid students, in file order
 * roster.problems();  // bad rows: row number and reason
 * }</pre>
 */
public record Roster(List<RosterEntry> entries, List<RosterProblem> problems) {

    public Roster {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The whole file is unusable (unreadable, no header, an unknown or secret-holding column). */
    public static final class RosterException extends IllegalArgumentException {
        public RosterException(String message) {
            super(message);
        }
    }

    /** Reads {@code .yaml}/{@code .yml} as YAML and anything else as CSV. */
    public static Roster read(Path file, Map<String, String> env) {
        return read(file, env, false);
    }

    /**
     * As {@link #read(Path, Map)}; with {@code passwordsLater}, a {@code db_password_env} must name a variable
     * but need not be set yet: {@code batch --preflight} reports an unset one as its own prerequisite.
     */
    public static Roster read(Path file, Map<String, String> env, boolean passwordsLater) {
        String text;
        try {
            text = RosterText.decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new RosterException("cannot read the roster " + file + ": " + e.getMessage() + ".");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return yaml ? fromYaml(text, file.toString(), env, passwordsLater)
                : fromCsv(text, file.toString(), env, passwordsLater);
    }

    public static Roster fromCsv(String text, String origin, Map<String, String> env) {
        return fromCsv(text, origin, env, false);
    }

    static Roster fromCsv(String text, String origin, Map<String, String> env, boolean passwordsLater) {
        List<Csv.Record> records = Csv.parse(text);
        if (records.isEmpty() || records.get(0).malformed()) {
            throw new RosterException(origin + ": no header row; the first row must name the columns, e.g. "
                    + String.join(",", RosterColumns.ALL) + ".");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0).fields()) {
            header.add(RosterColumns.normalise(h));
        }
        // a spreadsheet saves the empty columns right of the table as trailing separators
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        RosterColumns.requireKnown(header, origin);
        RosterValidator validator = new RosterValidator(env, passwordsLater);
        for (Csv.Record record : records.subList(1, records.size())) {
            int row = record.number();
            List<String> fields = record.malformed() ? List.of() : trimmed(record.fields(), header.size());
            if (record.malformed()) {
                validator.problem(row, null, "malformed CSV: " + record.error() + " (line " + record.line() + ").");
            } else if (fields.stream().allMatch(String::isBlank)) {
                continue; // an empty row (",,,,") below the table
            } else if (fields.size() != header.size()) {
                validator.problem(row, null, "has " + fields.size() + " fields but the header has "
                        + header.size() + "; quote fields that contain commas.");
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(header.get(c), fields.get(c));
                }
                validator.accept(row, values);
            }
        }
        return validator.roster();
    }

    /** {@code fields} without the empty ones beyond the header's width (trailing separators). */
    private static List<String> trimmed(List<String> fields, int width) {
        int end = fields.size();
        while (end > width && fields.get(end - 1).isBlank()) {
            end--;
        }
        return fields.subList(0, end);
    }

    public static Roster fromYaml(String text, String origin, Map<String, String> env) {
        return fromYaml(text, origin, env, false);
    }

    static Roster fromYaml(String text, String origin, Map<String, String> env, boolean passwordsLater) {
        JsonNode root;
        try {
            YamlKeys.requireUnique(text, origin);
        } catch (IllegalArgumentException duplicate) {
            throw new RosterException(duplicate.getMessage());
        }
        try {
            root = YamlKeys.strict().build().readTree(text);
        } catch (IOException e) {
            throw new RosterException(origin + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse("")
                    + ".");
        }
        JsonNode list = root != null && root.isObject() ? root.path("students") : root;
        if (list == null || !list.isArray()) {
            throw new RosterException(origin + ": expected a YAML list of students (or `students:` holding one), "
                    + "each with keys such as student_id and app_url.");
        }
        RosterValidator validator = new RosterValidator(env, passwordsLater);
        List<String> rawIds = YamlScalars.rawValuesOf(text, "student_id");
        int idIndex = 0;
        int row = 0;
        for (JsonNode item : list) {
            row++;
            if (!item.isObject()) {
                validator.problem(row, null, "entry " + row + " is not a mapping of column to value.");
                continue;
            }
            Map<String, String> values = new TreeMap<>();
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : item.properties()) {
                String key = RosterColumns.normalise(e.getKey());
                if (!RosterColumns.ALL.contains(key)) {
                    unknown.add(e.getKey());
                }
                values.put(key, e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                if (key.equals("student_id")) {
                    // YAML reads 0123 as the octal number 83: the id is the text as written
                    if (e.getValue().isNumber() && idIndex < rawIds.size()) {
                        values.put(key, rawIds.get(idIndex));
                    }
                    idIndex++;
                }
            }
            if (!unknown.isEmpty()) {
                validator.problem(row, values.get("student_id"), "unknown key(s) " + unknown + "; known keys are "
                        + RosterColumns.ALL + (RosterColumns.anySecretName(unknown)
                        ? " (secrets never go in the roster: name an environment variable in db_password_env)" : "")
                        + ".");
                continue;
            }
            validator.accept(row, values);
        }
        return validator.roster();
    }
}
