package labcheck.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import labcheck.text.TextFiles;
import labcheck.text.YamlKeys;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads option defaults from {@code labcheck.yaml} (in the working directory, or the file named by
 * {@code LABCHECK_CONFIG}): each key is an option's long name without dashes. Flags win over the file.
 *
 * <pre>{@code
 * # labcheck.yaml
 * app: http://3.80.1.2:5001
 * baseline: http://3.80.1.2:5000
 * region: us-east-1
 * redis: product-cache-cluster.abc123.0001.use1.cache.amazonaws.com:6379
 * ssh: ec2-user@3.80.1.2
 * ssh-key: keys/lab.pem
 * }</pre>
 * Secrets are refused in the file: a password's key must name an environment variable. A file of
 * comments only gives no defaults; an unknown key or a value of the wrong type is refused naming
 * the file, the line and the fix.
 */
public final class YamlDefaults implements IDefaultValueProvider {

    private final Path file;
    private final JsonNode values;
    private final Map<String, Integer> lines;

    /**
     * For picocli's {@code defaultValueProvider}: reads the file once; a broken file gives no
     * defaults here and is reported by {@link #locate} when the command runs.
     */
    public YamlDefaults() {
        this(System.getenv());
    }

    /** The defaults {@code env} points to (tests set it with {@code CommandLine.setDefaultValueProvider}). */
    YamlDefaults(Map<String, String> env) {
        YamlDefaults found;
        try {
            found = locate(env);
        } catch (IllegalArgumentException e) {
            found = new YamlDefaults(null, null, Map.of());
        }
        this.file = found.file;
        this.values = found.values;
        this.lines = found.lines;
    }

    private YamlDefaults(Path file, JsonNode values, Map<String, Integer> lines) {
        this.file = file;
        this.values = values;
        this.lines = lines;
    }

    /** The defaults of {@code LABCHECK_CONFIG} or {@code ./labcheck.yaml}; empty when neither exists. */
    static YamlDefaults locate(Map<String, String> env) {
        String named = env.get("LABCHECK_CONFIG");
        Path file = named != null ? Path.of(named) : Path.of("labcheck.yaml");
        if (!Files.isRegularFile(file)) {
            if (named != null) {
                throw new IllegalArgumentException("LABCHECK_CONFIG names " + named + ", which is not a file.");
            }
            return new YamlDefaults(file, null, Map.of());
        }
        try {
            String text = TextFiles.readUtf8(file);
            YamlKeys.requireUnique(text, file.toString());
            JsonNode tree = YamlKeys.strict().build().readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new YamlDefaults(file, null, Map.of()); // comments only: no defaults
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException(file + " must be a map of option: value (e.g. app: http://...).");
            }
            Map<String, Integer> lines = keyLines(text);
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String lower = key.toLowerCase(Locale.ROOT);
                if ((lower.contains("password") || lower.contains("passphrase")) && !key.endsWith("-env")) {
                    throw new IllegalArgumentException(where(file, lines, key) + ": key '" + key + "' would hold a"
                            + " secret. Fix: use " + key + "-env naming an environment variable that holds it.");
                }
            }
            return new YamlDefaults(file, tree, lines);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse("") + ". Fix the file or remove it.");
        }
    }

    /** Refuses a key that is no long option of {@code spec}, naming the nearest one. */
    YamlDefaults requireKnownKeys(CommandSpec spec) {
        if (values == null) {
            return this;
        }
        List<String> known = spec.options().stream().map(o -> o.longestName().replaceFirst("^-+", ""))
                .filter(n -> !n.equals("help") && !n.equals("version")).toList();
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where(file, lines, key) + ": unknown key '" + key + "'. Fix: "
                        + Nearest.suggestion(key, known) + "keys are the long options of `labcheck "
                        + spec.name() + " --help` without the dashes.");
            }
        }
        return this;
    }

    Path file() {
        return values == null ? null : file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (values == null || !(arg instanceof OptionSpec option)) {
            return arg.defaultValue();
        }
        String key = option.longestName().replaceFirst("^-+", "");
        JsonNode v = values.get(key);
        if (v == null || v.isNull()) {
            return arg.defaultValue();
        }
        String problem = typeProblem(v, option.type());
        if (problem != null) {
            throw new ParameterException(arg.command().commandLine(), "labcheck: " + where(file, lines, key) + ": "
                    + key + " " + problem + ", got " + (v.isContainerNode() ? "a " + (v.isArray() ? "list" : "map")
                    : "'" + v.asText() + "'") + ". Fix the value in the file, or give --" + key + " on the command"
                    + " line.");
        }
        return v.asText();
    }

    /** Why {@code v} cannot be a value of {@code type}, or null. */
    private static String typeProblem(JsonNode v, Class<?> type) {
        if (v.isContainerNode()) {
            return "must be a single value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return v.isIntegralNumber() || v.asText().matches("-?\\d{1,18}") ? null : "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return v.isBoolean() || v.asText().matches("(?i)true|false") ? null : "must be true or false";
        }
        return null;
    }

    private static String where(Path file, Map<String, Integer> lines, String key) {
        Integer line = lines.get(key);
        return file + (line == null ? "" : ", line " + line);
    }

    /** The line of each top-level key. */
    private static Map<String, Integer> keyLines(String text) throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                    lines.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }
}
