package labcheck.reach;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.signature.Signature;

/**
 * The known-hosts rule of {@code ssh -o StrictHostKeyChecking=yes} (or {@code accept-new}): a
 * known key is accepted, an unknown one only with {@code --ssh-accept-new} (then written to
 * the file), a changed one never. As OpenSSH does, the host-key algorithms already known for the
 * host are asked for first ({@link #preferKnown}), so an instance with RSA and ed25519 keys
 * whose RSA key is known shows that one; a known host offering a key of a type the file does not
 * hold for it is a new key, not a changed one. Remembers why it refused, for the message.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {

    private final SshSettings s;
    private final Set<String> knownTypes;
    private String refusal;
    private boolean added;

    HostKeyCheck(SshSettings s) {
        super((session, address, key) -> s.acceptNew(), s.knownHosts());
        this.s = s;
        this.knownTypes = knownTypes(s.knownHosts(), s.target().host(), s.target().port());
        setModifiedServerKeyAcceptor(this);
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /**
     * The key types ({@code ssh-rsa}, {@code ssh-ed25519}, ...) the known-hosts file holds for
     * {@code host:port}, revoked and certificate-authority lines left out; empty when none or the
     * file cannot be read (the verifier then reports the host as unknown).
     */
    static Set<String> knownTypes(Path file, String host, int port) {
        Set<String> types = new LinkedHashSet<>();
        if (file == null || !Files.isReadable(file)) {
            return types;
        }
        try {
            for (KnownHostEntry e : KnownHostEntry.readKnownHostEntries(file)) {
                if (e.getMarker() == null && e.getKeyEntry() != null && e.isHostMatch(host, port)) {
                    types.add(KeyUtils.getCanonicalKeyType(e.getKeyEntry().getKeyType()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashSet<>();
        }
        return types;
    }

    /**
     * {@code offered} with the signature algorithms of the known key types first, each group in
     * its own order (OpenSSH's {@code order_hostkeyalgs}): the server then shows the key the file
     * can verify, where it has one.
     */
    List<NamedFactory<Signature>> preferKnown(List<NamedFactory<Signature>> offered) {
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> f : offered) {
            (knownTypes.contains(KeyUtils.getCanonicalKeyType(f.getName())) ? first : rest).add(f);
        }
        first.addAll(rest);
        return first;
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
            } catch (IOException e) {
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
        if (!knownTypes.contains(KeyUtils.getCanonicalKeyType(KeyUtils.getKeyType(actual)))) {
            // a host key of another type than the file holds: new, not changed (OpenSSH asks as for a new host)
            if (s.acceptNew()) {
                added = true;
                return true;
            }
            refusal = "the SSH host key of " + s.target().server() + " (" + fingerprint(actual) + ") is not in "
                    + s.knownHosts() + ", which holds a key of another type for this host (" + String.join(", ",
                    knownTypes) + "; the server did not offer that type, though labcheck asked for it first). This is"
                    + " a new key, not a changed one. Fix: compare the fingerprint with the instance's (EC2 console:"
                    + " Monitor and troubleshoot > Get system log), then rerun with --ssh-accept-new to record it"
                    + " beside the one the file holds.";
            return false;
        }
        refusal = "the SSH host key of " + s.target().server() + " has CHANGED: " + s.knownHosts() + " holds "
                + fingerprint(expected) + ", the server offered " + fingerprint(actual) + ". labcheck refuses it"
                + " (the instance may have been replaced, or someone is in the middle), with or without"
                + " --ssh-accept-new. Fix: if the instance was recreated, remove the old entry with ssh-keygen -R '"
                + (s.target().port() == 22 ? s.target().host() : "[" + s.target().host() + "]:" + s.target().port())
                + "' -f " + s.knownHosts() + " and rerun with --ssh-accept-new.";
        return false;
    }

    /** A key of a new type for a known host is added beside the known one, never written over it. */
    @Override
    protected void updateModifiedServerKey(ClientSession session, SocketAddress address, PublicKey serverKey,
                                           Collection<HostEntryPair> knownHosts, HostEntryPair match) {
        try {
            updateKnownHostsFile(session, address, serverKey, getPath(), knownHosts);
        } catch (Exception e) {
            added = false;
            refusal = "the new host key of " + s.target().server() + " could not be recorded in " + s.knownHosts()
                    + " (" + e.getMessage() + "). Fix: give --ssh-known-hosts FILE in a folder you can write.";
        }
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
