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
    private final boolean instanceConnect;
    private final String instanceId;

    private SshSettings(SshTarget target, Path keyFile, List<KeyPair> keys, Path knownHosts, boolean acceptNew,
                        Duration connectTimeout, Duration authTimeout, boolean instanceConnect, String instanceId) {
        this.instanceConnect = instanceConnect;
        this.instanceId = instanceId;
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
        return new SshSettings(t, keyFile, keys, kh, acceptNew, Duration.ofSeconds(10), Duration.ofSeconds(15), false,
                null);
    }

    /**
     * The way in by EC2 Instance Connect: no key file; a key is made and pushed per login.
     *
     * @param ssh        {@code USER@HOST[:PORT]}, or {@code USER} alone, or null for {@code ec2-user}: without a
     *                   host, the instance's public address is taken from the AWS evidence ({@link #withTarget})
     * @param instanceId the instance to push to, or null to find it by the address
     * @param knownHosts the known-hosts file, or null for {@code ~/.ssh/known_hosts}
     * @throws IllegalArgumentException naming the flag and the fix, for any bad input
     */
    public static SshSettings viaInstanceConnect(String ssh, String instanceId, Path knownHosts, boolean acceptNew) {
        quietLibrary();
        String given = ssh == null || ssh.isBlank() ? "ec2-user" : ssh.trim();
        SshTarget t;
        if (given.contains("@")) {
            t = SshTarget.parse(given);
        } else if (given.matches("[a-z_][a-z0-9._-]{0,31}")) {
            t = new SshTarget(given, null, 22);
        } else {
            throw new IllegalArgumentException("--ssh '" + given + "' is neither USER@HOST[:PORT] nor an OS user name."
                    + " Fix: give the instance's login user, e.g. --ssh ec2-user (Amazon Linux) or --ssh ubuntu, and"
                    + " labcheck takes the address from AWS; or --ssh ec2-user@3.80.1.2.");
        }
        String id = instanceId == null || instanceId.isBlank() ? null : instanceId.trim();
        if (id != null && !id.matches("i-[0-9a-z]{1,17}")) {
            throw new IllegalArgumentException("--instance-id '" + id + "' is not an EC2 instance id. Fix: give it as"
                    + " the EC2 console shows it, e.g. --instance-id i-0abc123def4567890.");
        }
        Path kh = knownHosts != null ? knownHosts
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return new SshSettings(t, null, List.of(), kh, acceptNew, Duration.ofSeconds(10), Duration.ofSeconds(15), true,
                id);
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
        return new SshSettings(target, keyFile, keys, knownHosts, acceptNew, connect, auth, instanceConnect,
                instanceId);
    }

    /** The same settings to {@code target} (the address found for the instance). */
    public SshSettings withTarget(SshTarget target) {
        return new SshSettings(target, keyFile, keys, knownHosts, acceptNew, connectTimeout, authTimeout,
                instanceConnect, instanceId);
    }

    /** The same settings logging in with {@code key} only (EC2 Instance Connect's pushed key). */
    public SshSettings withKey(EphemeralKey key) {
        return new SshSettings(target, keyFile, List.of(key.pair()), knownHosts, acceptNew, connectTimeout,
                authTimeout, instanceConnect, instanceId);
    }

    /** Whether the way in is EC2 Instance Connect (a pushed key) rather than a key file. */
    public boolean viaInstanceConnect() {
        return instanceConnect;
    }

    /** The instance to push the key to, or null to find it by its address. */
    public String instanceId() {
        return instanceId;
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
        return "SshSettings[" + target + ", " + (instanceConnect ? "a key pushed with EC2 Instance Connect"
                + (instanceId == null ? "" : " to " + instanceId) : "key " + keyFile) + ", known hosts " + knownHosts
                + (acceptNew ? ", accept new" : "") + "]";
    }
}
