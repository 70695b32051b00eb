package labcheck.reach;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * An ed25519 key pair made for one EC2 Instance Connect login: made in memory, its public half
 * pushed to the instance, its private half used once by this process and never written, logged
 * or shown ({@link #toString()} gives the fingerprint only).
 *
 * <pre>{@code
 * EphemeralKey key = EphemeralKey.generate();
 * ic.push(instanceId, zone, "ec2-user", key.publicKeyLine());
 * Reach reach = Reach.open(ssh.withKey(key));
 * }</pre>
 */
public final class EphemeralKey {

    /** The comment on the pushed public key: what the instance's auth log and the fake endpoint show. */
    static final String COMMENT = "labcheck-instance-connect";

    private final KeyPair pair;

    private EphemeralKey(KeyPair pair) {
        this.pair = pair;
    }

    /** A new ed25519 key pair, from the SSH library's ed25519 provider. */
    public static EphemeralKey generate() {
        try {
            KeyPairGenerator g = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
            return new EphemeralKey(g.generateKeyPair());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("labcheck could not make an ed25519 key for EC2 Instance Connect ("
                    + e.getClass().getSimpleName() + "); please report this.", e);
        }
    }

    /** The public key as an authorized_keys line, {@code ssh-ed25519 AAAA... labcheck-instance-connect}. */
    public String publicKeyLine() {
        return PublicKeyEntry.toString(pair.getPublic()) + " " + COMMENT;
    }

    /** {@code SHA256:...} of the public key, as sshd's log names it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    KeyPair pair() {
        return pair;
    }

    @Override
    public String toString() {
        return "ephemeral ed25519 key " + fingerprint();
    }
}
