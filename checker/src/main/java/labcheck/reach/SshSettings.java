package labcheck.reach;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to reach the app's instance over SSH, checked before anything connects: the target, the
 * private key (loaded now, so a wrong file or a missing passphrase is a usage error), the
 * known-hosts file and whether an unknown host key may be trusted and recorded. Holds the key
 * in memory only; {@link #toString()} names the file, never its content.
 *
 * <pre>{@code
 * SshSettings ssh = SshSettings.of("ec2-user@3.80.1.2", Path.of("lab.pem"), null, null, false, System.getenv());
 * }</pre>
 */
public final class SshSettings {

    private final SshTarget target;
    private final Path keyFile;
    private final List<KeyPair> keys;
    private final Path knownHosts;
    private final boolean acceptNew;
    private final Duration connectTimeout;
    private final Duration authTimeout;

    private SshSettings(SshTarget target, Path keyFile, List<KeyPair> keys, Path knownHosts, boolean acceptNew,
                        Duration connectTimeout, Duration authTimeout) {
        this.target = target;
        this.keyFile = keyFile;
        this.keys = List.copyOf(keys);
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
        this.connectTimeout = connectTimeout;
        this.authTimeout = authTimeout;
    }

    /**
     * @param knownHosts the known-hosts file, or null for {@code ~/.ssh/known_hosts}
     * @throws IllegalArgumentException naming the flag and the fix, for any bad input
     */
    public static SshSettings of(String target, Path keyFile, String passphraseEnv, Path knownHosts,
                                 boolean acceptNew, Map<String, String> env) {
        quietLibrary();
        SshTarget t = SshTarget.parse(target);
        List<KeyPair> keys = SshKeys.load(keyFile, passphraseEnv, env);
        Path kh = knownHosts != null ? knownHosts
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return new SshSettings(t, keyFile, keys, kh, acceptNew, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    /**
     * The SSH library reports its start-up and every session at info, which is noise on a
     * grader's terminal; labcheck's own messages say what matters. Set before its loggers exist,
     * and only when the user has not chosen a level.
     */
    private static void quietLibrary() {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.sshd") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd", "error");
        }
    }

    /** The same settings with other connect and authentication bounds (tests, slow links). */
    public SshSettings withTimeouts(Duration connect, Duration auth) {
        return new SshSettings(target, keyFile, keys, knownHosts, acceptNew, connect, auth);
    }

    public SshTarget target() {
        return target;
    }

    public Path keyFile() {
        return keyFile;
    }

    List<KeyPair> keys() {
        return keys;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public boolean acceptNew() {
        return acceptNew;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration authTimeout() {
        return authTimeout;
    }

    @Override
    public String toString() {
        return "SshSettings[" + target + ", key " + keyFile + ", known hosts " + knownHosts
                + (acceptNew ? ", accept new" : "") + "]";
    }
}
