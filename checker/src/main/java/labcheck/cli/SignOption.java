package labcheck.cli;

import java.nio.file.Path;
import labcheck.seal.Ed25519;
import labcheck.seal.Seal;
import picocli.CommandLine.Option;

/**
 * {@code --sign KEY}, shared by {@code batch} and {@code merge}: sign every manifest with the judges'
 * Ed25519 private key (PKCS#8 PEM). The key is read before any work, so a bad one costs no grading;
 * nothing of it is ever printed.
 */
public final class SignOption {

    @Option(names = "--sign", paramLabel = "KEY",
            description = "Sign every MANIFEST.sha256 with this Ed25519 private key (PKCS#8 PEM; make one with"
                    + " `openssl genpkey -algorithm ed25519 -out judges.pem`); `labcheck verify --public-key`"
                    + " checks the signatures.")
    Path key;

    /** The seal for this run: signed with the key when one was given. */
    Seal seal() {
        return key == null ? Seal.UNSIGNED : Seal.signedWith(Ed25519.privateKey(key));
    }
}
