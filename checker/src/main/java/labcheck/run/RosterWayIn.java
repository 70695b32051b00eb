package labcheck.run;

import java.nio.file.Path;
import java.util.Map;
import labcheck.batch.RosterEntry;
import labcheck.evidence.SecretVariable;
import labcheck.reach.SshSettings;

/**
 * A roster row's way into its instance, as grading and preflight both take it: the key file the row
 * names, the passphrase variable {@code LABCHECK_SSH_KEY_PASSPHRASE_ENV} names, the known-hosts file
 * {@code LABCHECK_SSH_KNOWN_HOSTS} (default ~/.ssh/known_hosts) and {@code LABCHECK_SSH_ACCEPT_NEW=1}.
 *
 * <pre>{@code
 * SshSettings ssh = RosterWayIn.ssh(student.ssh(), System.getenv());
 * }</pre>
 */
final class RosterWayIn {

    /** Names the variable holding the passphrase of the roster's keys: the roster never holds a secret. */
    private static final SecretVariable PASSPHRASE_ENV = SecretVariable.passphrase("LABCHECK_SSH_KEY_PASSPHRASE_ENV");

    private RosterWayIn() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong (the passphrase variable, the key file). */
    static SshSettings ssh(RosterEntry.Ssh row, Map<String, String> env) {
        String kh = env.get("LABCHECK_SSH_KNOWN_HOSTS");
        if (row.instanceConnect()) {
            // no key file: the instance at ssh_host (app_url's host) is found in the row's AWS evidence
            return SshSettings.viaInstanceConnect(row.target(), null, kh == null ? null : Path.of(kh),
                    "1".equals(env.get("LABCHECK_SSH_ACCEPT_NEW")));
        }
        return SshSettings.of(row.target(), Path.of(row.key()), passphraseVariable(env),
                kh == null ? null : Path.of(kh), "1".equals(env.get("LABCHECK_SSH_ACCEPT_NEW")), env);
    }

    /** The variable {@code LABCHECK_SSH_KEY_PASSPHRASE_ENV} names, checked as a name that is set; or null. */
    static String passphraseVariable(Map<String, String> env) {
        String given = env.get(PASSPHRASE_ENV.where());
        return given == null || given.isBlank() ? null : PASSPHRASE_ENV.require(given, env);
    }
}
