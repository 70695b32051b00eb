package labcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

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
 * Secrets are refused in the file: a password's key must name an environment variable.
 */
public final class YamlDefaults implements IDefaultValueProvider {

    private final Path file;
    private final JsonNode values;

    /**
     * For picocli's {@code defaultValueProvider}: reads the file once; a broken file gives no
     * defaults here and is reported by {@link #locate} when the command runs.
     */
    public YamlDefaults() {
        YamlDefaults found;
        try {
            found = locate(System.getenv());
        } catch (IllegalArgumentException e) {
            found = new YamlDefaults(null, null);
        }
        this.file = found.file;
        this.values = found.values;
    }

    private YamlDefaults(Path file, JsonNode values) {
        this.file = file;
        this.values = values;
    }

    /** The defaults of {@code LABCHECK_CONFIG} or {@code ./labcheck.yaml}; empty when neither exists. */
    static YamlDefaults locate(Map<String, String> env) {
        String named = env.get("LABCHECK_CONFIG");
        Path file = named != null ? Path.of(named) : Path.of("labcheck.yaml");
        if (!Files.isRegularFile(file)) {
            if (named != null) {
                throw new IllegalArgumentException("LABCHECK_CONFIG names " + named + ", which is not a file.");
            }
            return new YamlDefaults(file, null);
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (tree != null && !tree.isNull() && !tree.isObject()) {
                throw new IllegalArgumentException(file + " must be a map of option: value (e.g. app: http://...).");
            }
            for (Iterator<String> it = tree == null ? java.util.Collections.emptyIterator() : tree.fieldNames();
                    it.hasNext(); ) {
                String key = it.next();
                String lower = key.toLowerCase(java.util.Locale.ROOT);
                if ((lower.contains("password") || lower.contains("passphrase")) && !key.endsWith("-env")) {
                    throw new IllegalArgumentException(file + ": key '" + key + "' would hold a secret. Fix: use "
                            + key + "-env naming an environment variable that holds it.");
                }
            }
            return new YamlDefaults(file, tree);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse("") + ". Fix the file or remove it.");
        }
    }

    Path file() {
        return values == null ? null : file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (values == null || !(arg instanceof OptionSpec option)) {
            return arg.defaultValue();
        }
        JsonNode v = values.get(option.longestName().replaceFirst("^-+", ""));
        if (v == null || v.isNull() || v.isContainerNode()) {
            return arg.defaultValue();
        }
        return v.asText();
    }
}
