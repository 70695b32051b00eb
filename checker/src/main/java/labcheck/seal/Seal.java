package labcheck.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;

/**
 * Seals a result folder: writes its {@link Manifest} and, with a key, the manifest's Ed25519 signature.
 * A folder sealed before keeps its earlier manifest (and signature) beside the new one as
 * {@code MANIFEST.sha256.1}, {@code .2}, ... whenever the content changed (a regrade), so the new
 * manifest lists the old one too; resealing unchanged content writes nothing new.
 *
 * <pre>{@code
 * Seal seal = Seal.signedWith(Ed25519.privateKey(Path.of("judges.pem")));   // or Seal.UNSIGNED
 * seal.apply(studentDir);      // after every file of the folder is written
 * }</pre>
 */
public final class Seal {

    /** Manifests without a signature. */
    public static final Seal UNSIGNED = new Seal(null);

    private final PrivateKey key;

    private Seal(PrivateKey key) {
        this.key = key;
    }

    public static Seal signedWith(PrivateKey key) {
        return new Seal(java.util.Objects.requireNonNull(key, "key"));
    }

    /** Whether this seal signs its manifests. */
    public boolean signs() {
        return key != null;
    }

    /** Writes {@code dir}'s manifest (and signature), keeping a different earlier one beside it. */
    public Path apply(Path dir) throws IOException {
        Path manifest = dir.resolve(Manifest.FILE_NAME);
        String fresh = Manifest.text(Manifest.scope(dir));
        if (Files.isRegularFile(manifest)) {
            if (Files.readString(manifest, StandardCharsets.UTF_8).equals(fresh)) {
                sign(dir, fresh);
                return manifest;
            }
            keepEarlier(dir);
            fresh = Manifest.text(Manifest.scope(dir));
        }
        writeAtomically(manifest, fresh.getBytes(StandardCharsets.UTF_8));
        sign(dir, fresh);
        return manifest;
    }

    /** {@code MANIFEST.sha256} becomes the next free {@code MANIFEST.sha256.N}, its signature {@code ....N.sig}. */
    private static void keepEarlier(Path dir) throws IOException {
        int n = 1;
        while (Files.exists(dir.resolve(Manifest.FILE_NAME + "." + n))) {
            n++;
        }
        Files.move(dir.resolve(Manifest.FILE_NAME), dir.resolve(Manifest.FILE_NAME + "." + n),
                StandardCopyOption.ATOMIC_MOVE);
        Path sig = dir.resolve(Manifest.SIGNATURE);
        if (Files.exists(sig)) {
            Files.move(sig, dir.resolve(Manifest.FILE_NAME + "." + n + ".sig"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void sign(Path dir, String manifest) throws IOException {
        if (key == null) {
            return;
        }
        try {
            writeAtomically(dir.resolve(Manifest.SIGNATURE), Ed25519.sign(key, manifest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Ed25519 key could not sign " + dir.resolve(Manifest.FILE_NAME)
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
