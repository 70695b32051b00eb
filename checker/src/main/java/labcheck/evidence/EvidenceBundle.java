package labcheck.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import labcheck.text.TextFiles;

/**
 * An evidence bundle on disk: a directory holding {@code evidence.json}.
 *
 * <pre>{@code
 * EvidenceBundle.write(dir, evidence);          // atomic: temp file, then rename
 * Evidence again = EvidenceBundle.read(dir);    // also accepts the json file itself
 * }</pre>
 */
public final class EvidenceBundle {

    public static final String FILE_NAME = "evidence.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The fields of a bundle that hold evidence; a bundle with none of them is refused. */
    private static final java.util.List<String> FACTS = java.util.Arrays.stream(Evidence.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(n -> !java.util.Set.of("schemaVersion", "subject", "collectedAt", "deadline", "notes").contains(n))
            .toList();

    private EvidenceBundle() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Evidence evidence) {
        try {
            // an app may answer with a URL holding a password: redacted here, so the bundle is still written
            return SecretGuard.cleaned(MAPPER.writeValueAsString(evidence) + "\n", "the evidence bundle");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise evidence: " + e.getOriginalMessage(), e);
        }
    }

    public static Evidence fromJson(String json, String origin) {
        // a bundle opened and saved in an editor on Windows may start with a byte-order mark
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new IllegalArgumentException(origin + " is empty (a copy cut short, or a run killed before"
                    + " writing it). Fix: copy the bundle again, or collect again with `labcheck collect --out DIR`.");
        }
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (!tree.isObject()) {
                throw new IllegalArgumentException(origin + " is not an evidence bundle: it holds a JSON "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not the object labcheck"
                        + " writes. Fix: give the evidence.json written by `labcheck collect` or `labcheck check`.");
            }
            int version = tree.path("schemaVersion").asInt(-1);
            if (version != Evidence.SCHEMA_VERSION) {
                throw new IllegalArgumentException(origin + ": evidence schema version " + version
                        + " is not supported (this labcheck reads version " + Evidence.SCHEMA_VERSION
                        + "); collect again with this labcheck, or grade with the labcheck that collected it.");
            }
            if (FACTS.stream().noneMatch(tree::hasNonNull)) {
                throw new IllegalArgumentException(origin + " holds no facts (no AWS evidence and no app evidence),"
                        + " so grading it would give 0 marks for nothing observed. Fix: collect again with"
                        + " `labcheck collect --out DIR` or `labcheck check`.");
            }
            return MAPPER.treeToValue(tree, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not a valid evidence bundle: "
                    + e.getOriginalMessage() + locationOf(e) + ".", e);
        }
    }

    /** Writes {@code evidence.json} into {@code dir} atomically; returns the file written. */
    public static Path write(Path dir, Evidence evidence) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(FILE_NAME);
            writeAtomically(target, toJson(evidence));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write evidence bundle to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a bundle from a directory holding {@code evidence.json}, or from the file itself. */
    public static Evidence read(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no evidence bundle at " + dirOrFile + ": expected "
                    + FILE_NAME + " (made by `labcheck collect --out DIR` or `labcheck check`).");
        }
        try {
            return fromJson(TextFiles.readUtf8(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes text to a temp file beside {@code target}, then renames it over {@code target}. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
