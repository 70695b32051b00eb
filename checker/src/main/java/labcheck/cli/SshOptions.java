package labcheck.cli;

import java.nio.file.Path;
import java.util.Map;
import labcheck.evidence.SecretGuard;
import labcheck.evidence.SecretVariable;
import labcheck.reach.SshSettings;
import picocli.CommandLine.Option;

/**
 * The way in through the app's instance: with {@code --ssh}, {@code --app}, {@code --baseline},
 * {@code --redis} and {@code --db-url} name what the instance sees, and labcheck forwards each
 * over one SSH connection, times item 6 on the instance and reads {@code --source} there. It logs in
 * with the key pair's private key ({@code --ssh-key}), or with a one-time key pushed by EC2 Instance
 * Connect ({@code --ssh-via instance-connect}, which needs AWS access and the one opt-in permission).
 */
public final class SshOptions {

    @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]",
            description = "Reach the lab through its app instance over SSH, e.g. ec2-user@3.80.1.2. The app, Redis"
                    + " and database addresses are then as the instance sees them (app default"
                    + " http://localhost:5001, baseline http://localhost:5000).")
    String ssh;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key of the instance's key pair (PEM or OpenSSH; RSA or ed25519).")
    Path key;

    @Option(names = "--ssh-key-passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding the key's passphrase, if it has one.")
    String passphraseEnv;

    @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
            description = "Known-hosts file to check the instance's host key against (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--ssh-accept-new",
            description = "Trust an instance's host key not yet in the known-hosts file, and record it there."
                    + " A changed key is refused regardless.")
    boolean acceptNew;

    @Option(names = "--ssh-via", paramLabel = "WAY", defaultValue = "key",
            description = "How to log in: key (the key pair's private key, --ssh-key; the default) or"
                    + " instance-connect (a one-time key pushed with EC2 Instance Connect's SendSSHPublicKey, for the"
                    + " --ssh user, default ec2-user: no key file; needs AWS access and the action in"
                    + " `labcheck policy --instance-connect`).")
    String via;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "With --ssh-via instance-connect: the instance to push the key to (default: the one AWS"
                    + " shows at the --ssh address).")
    String instanceId;

    static final String KEY = "key";
    static final String INSTANCE_CONNECT = "instance-connect";

    boolean requested() {
        return ssh != null && !ssh.isBlank() || instanceConnect();
    }

    /** Whether the way in is EC2 Instance Connect; a WAY that is neither is a usage error. */
    boolean instanceConnect() {
        String v = via == null || via.isBlank() ? KEY : via.trim();
        if (!v.equals(KEY) && !v.equals(INSTANCE_CONNECT)) {
            throw new IllegalArgumentException("--ssh-via '" + v + "' is not a way in labcheck knows. Fix: give"
                    + " --ssh-via key (the key pair, --ssh-key) or --ssh-via instance-connect (EC2 Instance Connect).");
        }
        return v.equals(INSTANCE_CONNECT);
    }

    /**
     * The host to look the instance up by in AWS, {@code http://HOST} (the collection finds the instance at the
     * app URL's host), or null: with EC2 Instance Connect and an --ssh address, that address is the instance's.
     */
    String instanceAddressUrl() {
        if (!instanceConnect() || ssh == null || !ssh.contains("@")) {
            return null;
        }
        String host = labcheck.reach.SshTarget.parse(ssh).host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host);
    }

    /** The settings, with the key loaded now: a wrong file or a missing passphrase is a usage error. */
    SshSettings settings(Map<String, String> env) {
        if (instanceConnect()) {
            if (key != null || passphraseEnv != null) {
                throw new IllegalArgumentException("--ssh-key and --ssh-key-passphrase-env are not used with --ssh-via"
                        + " instance-connect, which logs in with a one-time key of its own. Fix: leave them out, or"
                        + " drop --ssh-via instance-connect to log in with the key file.");
            }
            return SshSettings.viaInstanceConnect(ssh, instanceId, knownHosts, acceptNew);
        }
        if (instanceId != null) {
            throw new IllegalArgumentException("--instance-id names the instance for --ssh-via instance-connect. Fix:"
                    + " add --ssh-via instance-connect, or leave --instance-id out.");
        }
        if (!requested()) {
            if (key != null || passphraseEnv != null || knownHosts != null || acceptNew) {
                throw new IllegalArgumentException("--ssh-key, --ssh-known-hosts and --ssh-accept-new need --ssh"
                        + " USER@HOST. Fix: add --ssh ec2-user@INSTANCE_ADDRESS, or leave them out.");
            }
            return null;
        }
        if (key != null && SecretGuard.holdsPrivateKey(key.toString())) {
            throw new IllegalArgumentException("--ssh-key holds a private key itself (not shown), where the path of"
                    + " its file belongs. Fix: save the key as a file only you can read (chmod 600 lab.pem) and give"
                    + " its path, e.g. --ssh-key ~/keys/lab.pem.");
        }
        // checked here, before the key is loaded: the SSH library's messages would name what was given
        String passphraseVariable = passphraseEnv == null || passphraseEnv.isBlank() ? null
                : SecretVariable.passphrase("--ssh-key-passphrase-env").require(passphraseEnv, env);
        return SshSettings.of(ssh, key, passphraseVariable, knownHosts, acceptNew, env);
    }
}
