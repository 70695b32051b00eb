package labcheck.reach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads the SSH private key the user named (PEM or OpenSSH, RSA or ed25519, as EC2 key pairs
 * come), with its passphrase only from an environment variable. Messages name the file and the
 * flag, never any of the key or the passphrase.
 */
final class SshKeys {

    private SshKeys() {
    }

    static List<KeyPair> load(Path file, String passphraseEnv, Map<String, String> env) {
        if (file == null) {
            throw new IllegalArgumentException("--ssh needs --ssh-key FILE, the private key of the instance's key pair"
                    + " (e.g. --ssh-key ~/.ssh/labsuser.pem).");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--ssh-key " + file + " is not a file. Fix: give the private key the"
                    + " instance was launched with (the .pem downloaded when the key pair was created).");
        }
        String passphrase = null;
        if (passphraseEnv != null && !passphraseEnv.isBlank()) {
            passphrase = env.get(passphraseEnv);
            if (passphrase == null) {
                throw new IllegalArgumentException("the SSH key passphrase variable " + passphraseEnv + " is not set"
                        + " (--ssh-key-passphrase-env). Fix: read -rs " + passphraseEnv + "; export " + passphraseEnv
                        + " before running labcheck.");
            }
        }
        boolean[] asked = {false};
        String given = passphrase;
        FilePasswordProvider provider = (SessionContext session, NamedResource resource, int retry) -> {
            asked[0] = true;
            return retry == 0 ? given : null;
        };
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> found = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, provider);
            if (found != null) {
                found.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (asked[0] && given == null) {
                throw new IllegalArgumentException("--ssh-key " + file + " is encrypted with a passphrase. Fix: put"
                        + " the passphrase in a variable (read -rs SSH_KEY_PASSPHRASE; export SSH_KEY_PASSPHRASE) and"
                        + " add --ssh-key-passphrase-env SSH_KEY_PASSPHRASE.");
            }
            if (asked[0]) {
                throw new IllegalArgumentException("--ssh-key " + file + " could not be decrypted with the passphrase"
                        + " in " + passphraseEnv + ". Fix: check the passphrase (ssh-keygen -y -f " + file
                        + " asks for it).");
            }
            throw new IllegalArgumentException("--ssh-key " + file + " is not a private key labcheck can read ("
                    + e.getClass().getSimpleName() + "). Fix: give the PEM or OpenSSH private key of an RSA or"
                    + " ed25519 key pair, not the .pub file.");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("--ssh-key " + file + " holds no private key. Fix: give the PEM or"
                    + " OpenSSH private key of an RSA or ed25519 key pair, not the .pub file.");
        }
        return keys;
    }
}
