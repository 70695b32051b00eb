package labcheck.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder's {@code MANIFEST.sha256}: each file's SHA-256 in {@code sha256sum}'s format ({@code <hex>  <path>},
 * paths relative with {@code /}, sorted), so {@code cd DIR && sha256sum -c MANIFEST.sha256} checks it too.
 *
 * <p>What a manifest covers (its scope): every file under the folder, except the manifest itself and its
 * signature; a subfolder holding a {@code MANIFEST.sha256} of its own is covered by that manifest and its
 * signature (a manifest of manifests); a top-level folder whose name starts with {@code _} holds a run's
 * working files (staging, locks) and is not covered.
 *
 * <pre>{@code
 * Map<String, String> files = Manifest.scope(dir);          // path -> SHA-256 hex
 * Files.writeString(dir.resolve(Manifest.FILE_NAME), Manifest.text(files));
 * Map<String, String> listed = Manifest.parse(Files.readString(dir.resolve(Manifest.FILE_NAME)));
 * }</pre>
 */
public final class Manifest {

    public static final String FILE_NAME = "MANIFEST.sha256";
    /** The Ed25519 signature of the manifest's bytes (64 bytes, raw: {@code openssl pkeyutl -verify -rawin}). */
    public static final String SIGNATURE = FILE_NAME + ".sig";

    private Manifest() {
    }

    /** Every file the folder's manifest covers, by relative path, with its SHA-256. */
    public static Map<String, String> scope(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : all) {
                String path = relative(dir, f);
                if (covered(dir, path)) {
                    files.put(path, sha256(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Whether {@code path} (relative to {@code dir}) belongs to {@code dir}'s own manifest. */
    static boolean covered(Path dir, String path) {
        if (path.equals(FILE_NAME) || path.equals(SIGNATURE)) {
            return false;
        }
        String[] parts = path.split("/");
        if (parts.length > 1 && parts[0].startsWith("_")) {
            return false;
        }
        // a file in a subfolder sealed on its own: only that folder's manifest and signature are listed here
        for (int i = 1; i < parts.length; i++) {
            String sub = String.join("/", List.of(parts).subList(0, i));
            if (Files.isRegularFile(dir.resolve(sub).resolve(FILE_NAME))) {
                String rest = String.join("/", List.of(parts).subList(i, parts.length));
                return rest.equals(FILE_NAME) || rest.equals(SIGNATURE);
            }
        }
        return true;
    }

    /** The manifest's text: one {@code <hex>  <path>} line per file, sorted by path. */
    public static String text(Map<String, String> files) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(files).forEach((path, hash) -> b.append(hash).append("  ").append(path).append('\n'));
        return b.toString();
    }

    /**
     * The files a manifest lists, by path.
     *
     * @throws IllegalArgumentException naming the line when it is not {@code <64 hex>  <path>}
     */
    public static Map<String, String> parse(String text, String origin) {
        Map<String, String> files = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
                    || !line.startsWith("  ", 64)) {
                throw new IllegalArgumentException(origin + ", line " + n + " is not '<sha-256>  <file>' as"
                        + " sha256sum writes it: the manifest was edited or cut short.");
            }
            files.put(line.substring(66), line.substring(0, 64));
        }
        return files;
    }

    /** A file's SHA-256, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                digest.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String relative(Path dir, Path file) {
        String path = dir.relativize(file).toString().replace('\\', '/');
        if (path.contains("\n") || path.contains("\\")) {
            // sha256sum would escape such a name; labcheck never writes one, so it is refused, not sealed
            throw new IllegalArgumentException("cannot seal " + file + ": its name holds a newline or a backslash."
                    + " Fix: rename or remove it.");
        }
        return path;
    }
}
