package labcheck.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import labcheck.text.TextFiles;
import labcheck.text.YamlKeys;

/**
 * Reads a rubric YAML file and refuses it, naming file, line and fix, when a check id is
 * unknown, marks do not add up, a field has the wrong type, or a field is missing.
 *
 * <pre>{@code
 * Rubric shipped = RubricLoader.shipped(CheckCatalog.ids());          // /rubrics/redis-caching-lab.yaml
 * Rubric mine = RubricLoader.load(Path.of("mine.yaml"), CheckCatalog.ids());
 * }</pre>
 */
public final class RubricLoader {

    /** The rubric shipped in the jar, used unless {@code --rubric FILE} is given. */
    public static final String SHIPPED = "/rubrics/redis-caching-lab.yaml";

    private static final ObjectMapper MAPPER = YamlKeys.strict()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private RubricLoader() {
    }

    public static Rubric load(Path file, Set<String> knownCheckIds) {
        if (!Files.isRegularFile(file)) {
            throw new RubricException(file.toString(), List.of("rubric file " + file + " does not exist. Fix: give"
                    + " the path of a rubric YAML file, or leave out --rubric to use the shipped one."));
        }
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IllegalArgumentException notUtf8) {
            throw new RubricException(file.toString(), List.of(notUtf8.getMessage()));
        } catch (IOException e) {
            throw new RubricException(file.toString(), List.of("rubric file " + file + " cannot be read: "
                    + e.getMessage() + ". Fix: check the file's permissions."));
        }
        return parse(text, file.toString(), knownCheckIds);
    }

    public static Rubric shipped(Set<String> knownCheckIds) {
        try (InputStream in = RubricLoader.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped rubric " + SHIPPED + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "rubrics/redis-caching-lab.yaml",
                    knownCheckIds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped rubric " + SHIPPED + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates rubric text; {@code origin} names it in every error. */
    public static Rubric parse(String yaml, String origin, Set<String> knownCheckIds) {
        YamlLines lines = null;
        RubricDocument document;
        try {
            YamlKeys.requireUnique(yaml, origin);
        } catch (IllegalArgumentException duplicate) {
            throw new RubricException(origin, List.of(duplicate.getMessage()));
        }
        try {
            lines = YamlLines.index(yaml);
            document = MAPPER.readValue(yaml, RubricDocument.class);
        } catch (UnrecognizedPropertyException e) {
            Set<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw problem(origin, line(lines, e), "unknown field '" + e.getPropertyName() + "'" + where(e),
                    "remove it, or use one of " + String.join(", ", known));
        } catch (MismatchedInputException e) {
            String path = path(e);
            throw problem(origin, line(lines, e), (path.isEmpty() ? "the rubric" : path) + " has the wrong type:"
                    + " expected " + expected(e.getTargetType()), "write " + example(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw problem(origin, line(lines, e), "not valid YAML: " + firstLine(e.getOriginalMessage()),
                    "indent with spaces (not tabs), end every key with a colon and close every quote");
        } catch (IOException e) {
            throw new RubricException(origin, List.of(origin + ": cannot be read: " + e.getMessage() + "."));
        }
        if (document == null) {
            throw new RubricException(origin, List.of(origin + ", line 1: the rubric is empty. Fix: start from"
                    + " rubrics/redis-caching-lab.yaml."));
        }
        return new RubricValidator(origin, lines, knownCheckIds).validate(document);
    }

    /** The line of the field the error is about; Jackson's own location can lie after buffered fields. */
    private static int line(YamlLines lines, JsonProcessingException e) {
        if (lines != null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            return lines.line(pointer.toString());
        }
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }

    private static RubricException problem(String origin, int line, String what, String fix) {
        return new RubricException(origin, List.of(origin + ", line " + line + ": " + what + ". Fix: " + fix + "."));
    }

    private static String where(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String parent = path(refs.subList(0, Math.max(0, refs.size() - 1)));
        return parent.isEmpty() ? " at the top level" : " in " + parent;
    }

    private static String path(JsonMappingException e) {
        return path(e.getPath());
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields (key: value lines)";
    }

    private static String example(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number, e.g. 3600";
        }
        if (type == Double.class || type == double.class) {
            return "a number, e.g. 2 or 0.5";
        }
        if (type == String.class) {
            return "a single text value, e.g. product-cache-cluster";
        }
        if (type != null && List.class.isAssignableFrom(type)) {
            return "a list, e.g. [cache.t2.micro] or one '- item' line per entry";
        }
        return "indented 'key: value' lines, as in rubrics/redis-caching-lab.yaml";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
