package labcheck.reach;

import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The known-hosts rule of {@code ssh -o StrictHostKeyChecking=yes} (or {@code accept-new}): a
 * known key is accepted, an unknown one only with {@code --ssh-accept-new} (then written to
 * the file), a changed one never. Remembers why it refused, for the message.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {

    private final SshSettings s;
    private String refusal;
    private boolean added;

    HostKeyCheck(SshSettings s) {
        super((session, address, key) -> s.acceptNew(), s.knownHosts());
        this.s = s;
        setModifiedServerKeyAcceptor(this);
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
        boolean ok = super.verifyServerKey(session, address, key);
        if (!ok && refusal == null) {
            refusal = "the SSH host key of " + s.target().server() + " (" + fingerprint(key) + ") is not in "
                    + s.knownHosts() + ", and labcheck does not trust an unknown host on its own. Fix: compare the"
                    + " fingerprint with the instance's (EC2 console: Monitor and troubleshoot > Get system log), then"
                    + " rerun with --ssh-accept-new to trust it and record it, or add it with ssh-keyscan -p "
                    + s.target().port() + " " + s.target().host() + " >> " + s.knownHosts() + ".";
        }
        return ok;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress address, PublicKey key) {
        if (s.acceptNew()) {
            try {
                Path parent = s.knownHosts().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                refusal = "the new host key of " + s.target().server() + " could not be recorded: " + s.knownHosts()
                        + "'s folder cannot be created (" + e.getMessage() + "). Fix: give --ssh-known-hosts FILE"
                        + " in a folder you can write.";
                return false;
            }
            added = true;
        }
        return super.acceptUnknownHostKey(session, address, key);
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress address, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        refusal = "the SSH host key of " + s.target().server() + " has CHANGED: " + s.knownHosts() + " holds "
                + fingerprint(expected) + ", the server offered " + fingerprint(actual) + ". labcheck refuses it"
                + " (the instance may have been replaced, or someone is in the middle), with or without"
                + " --ssh-accept-new. Fix: if the instance was recreated, remove the old entry with ssh-keygen -R '"
                + (s.target().port() == 22 ? s.target().host() : "[" + s.target().host() + "]:" + s.target().port())
                + "' -f " + s.knownHosts() + " and rerun with --ssh-accept-new.";
        return false;
    }

    /** Why the host key was refused, or null. */
    String refusal() {
        return refusal;
    }

    /** Whether an unknown key was trusted and written to the file. */
    boolean added() {
        return added;
    }
}
