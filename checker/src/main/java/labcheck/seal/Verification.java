package labcheck.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code labcheck verify DIR} found: every file changed, missing or added against the folder's
 * manifest (and, through a manifest of manifests, each sealed subfolder's), and each signature that
 * does not match the public key. Paths are relative to the folder verified.
 *
 * <pre>{@code
 * Verification v = Verification.of(Path.of("results"), publicKeyOrNull);
 * if (!v.intact()) v.problems().forEach(System.err::println);
 * }</pre>
 *
 * @param problems  one sentence per file or signature that does not match, naming it
 * @param manifests the manifests checked
 * @param files     the files whose SHA-256 matched
 * @param unchecked signatures present but not checked (no public key given)
 */
public record Verification(List<String> problems, int manifests, int files, int unchecked) {

    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** Verifies {@code dir} against its manifest; with {@code key}, every manifest's signature too. */
    public static Verification of(Path dir, PublicKey key) {
        Walk walk = new Walk(key);
        walk.check(dir, "");
        return new Verification(walk.problems, walk.manifests, walk.files, walk.unchecked);
    }

    /** The state of one verification as it goes through the folders. */
    private static final class Walk {
        final PublicKey key;
        final List<String> problems = new ArrayList<>();
        int manifests;
        int files;
        int unchecked;

        Walk(PublicKey key) {
            this.key = key;
        }

        void check(Path dir, String prefix) {
            Path manifest = dir.resolve(Manifest.FILE_NAME);
            String name = prefix + Manifest.FILE_NAME;
            if (!Files.isRegularFile(manifest)) {
                problems.add("missing: " + name + " (the folder " + (prefix.isEmpty() ? dir.toString()
                        : prefix.substring(0, prefix.length() - 1)) + " has no manifest: never sealed, or it was"
                        + " removed).");
                return;
            }
            manifests++;
            byte[] bytes;
            Map<String, String> listed;
            try {
                bytes = Files.readAllBytes(manifest);
                listed = Manifest.parse(new String(bytes, StandardCharsets.UTF_8), name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                problems.add("changed: " + e.getMessage());
                return;
            }
            signature(dir, prefix, bytes);
            Map<String, String> present = Manifest.scope(dir);
            listed.forEach((path, hash) -> {
                String shown = prefix + path;
                String actual = present.get(path);
                if (actual == null && !Files.isRegularFile(dir.resolve(path))) {
                    problems.add("missing: " + shown + " (listed in " + name + ", not on disk).");
                } else if (actual == null) {
                    problems.add("changed: " + shown + " (listed in " + name + ", which does not cover it).");
                } else if (!actual.equals(hash)) {
                    problems.add("changed: " + shown + " (its SHA-256 is " + actual + "; " + name + " says " + hash
                            + ").");
                } else {
                    files++;
                }
            });
            present.keySet().stream().filter(p -> !listed.containsKey(p))
                    .forEach(p -> problems.add("added: " + prefix + p + " (on disk, not in " + name + ")."));
            listed.keySet().stream().filter(p -> p.endsWith("/" + Manifest.FILE_NAME)).forEach(p -> {
                String sub = p.substring(0, p.length() - Manifest.FILE_NAME.length());
                if (Files.isRegularFile(dir.resolve(p))) {
                    check(dir.resolve(sub), prefix + sub);
                }
            });
        }

        private void signature(Path dir, String prefix, byte[] manifest) {
            Path sig = dir.resolve(Manifest.SIGNATURE);
            if (key == null) {
                unchecked += Files.isRegularFile(sig) ? 1 : 0;
                return;
            }
            if (!Files.isRegularFile(sig)) {
                problems.add("not signed: " + prefix + Manifest.FILE_NAME + " has no signature beside it ("
                        + prefix + Manifest.SIGNATURE + ").");
                return;
            }
            try {
                if (!Ed25519.verifies(key, manifest, Files.readAllBytes(sig))) {
                    problems.add("signature: " + prefix + Manifest.SIGNATURE + " does not match "
                            + prefix + Manifest.FILE_NAME + " under this public key (the manifest was edited, or"
                            + " signed with another key).");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + sig + ": " + e.getMessage(), e);
            }
        }
    }
}
