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
 * over one SSH connection, times item 6 on the instance and reads {@code --source} there.
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

    boolean requested() {
        return ssh != null && !ssh.isBlank();
    }

    /** The settings, with the key loaded now: a wrong file or a missing passphrase is a usage error. */
    SshSettings settings(Map<String, String> env) {
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
