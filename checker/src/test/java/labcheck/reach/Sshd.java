package labcheck.reach;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcheck.collect.FreePort;

/**
 * Debian's real {@code /usr/sbin/sshd}, started by a test on a free port with a generated
 * host key, user keys and config ({@code -D -e -f}), output to a log file, stopped by its PID.
 * Optionally inside a network namespace ({@code ip netns exec NS}).
 *
 * <pre>{@code
 * try (Sshd sshd = Sshd.start(dir, "127.0.0.1", null, "AllowTcpForwarding yes")) {
 *     sshd.port(); sshd.rsaKey(); sshd.knownHosts();
 * }
 * }</pre>
 */
public final class Sshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path USER_HOME = Path.of(System.getProperty("user.home"));

    private final Path dir;
    private final String address;
    private final int port;
    private final Process process;
    private final Path home;

    private Sshd(Path dir, String address, int port, Process process, Path home) {
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.process = process;
        this.home = home;
    }

    /** Whether this machine can run the test's sshd; else why not. */
    public static String unavailable() {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(KEYGEN)) {
            return "Debian's openssh-server and openssh-client are not installed (/usr/sbin/sshd, ssh-keygen); "
                    + "apt-get install openssh-server openssh-client";
        }
        return null;
    }

    /**
     * Generates keys once per directory: ed25519 and RSA host keys (an EC2 instance has both), an RSA
     * PEM user key and an ed25519 OpenSSH user key.
     */
    static void keys(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("host_ed25519"))) {
            return;
        }
        run(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "labcheck-test-host", "-f",
                dir.resolve("host_ed25519").toString());
        run(KEYGEN.toString(), "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "labcheck-test-host-rsa", "-f",
                dir.resolve("host_rsa").toString());
        run(KEYGEN.toString(), "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-C", "labcheck-test-rsa", "-f",
                dir.resolve("user_rsa.pem").toString());
        run(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "labcheck-test-ed25519", "-f",
                dir.resolve("user_ed25519").toString());
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("user_rsa.pem.pub"))
                + Files.readString(dir.resolve("user_ed25519.pub")));
    }

    /**
     * Starts sshd listening on {@code address} (a free port below 32768 when {@code netns} is
     * null, else 2222 inside the namespace), with {@code extra} config lines.
     */
    public static Sshd start(Path dir, String address, String netns, String... extra) throws Exception {
        return start(dir, address, netns, netns == null ? FreePort.find() : 2222, extra);
    }

    /** As {@link #start(Path, String, String, String...)}, on {@code port} (a second sshd in one namespace). */
    public static Sshd start(Path dir, String address, String netns, int port, String... extra) throws Exception {
        keys(dir);
        Files.createDirectories(Path.of("/run/sshd"));
        List<String> config = new ArrayList<>(List.of(
                "Port " + port, "ListenAddress " + address, "HostKey " + dir.resolve("host_ed25519"),
                "HostKey " + dir.resolve("host_rsa"),
                "PidFile " + dir.resolve("sshd-" + port + ".pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "StrictModes no", "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
                "PubkeyAuthentication yes", "LogLevel VERBOSE"));
        config.addAll(0, List.of(extra));
        Path cfg = dir.resolve("sshd_config-" + port);
        Files.write(cfg, config);
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("ip", "netns", "exec", netns));
        }
        String sshdLine = SSHD + " -D -e -f " + cfg;
        Path home = cleanHome(dir, port);
        if (home != null) {
            // the sessions log in as the user running the tests, whose own dotfiles (a ~/.bashrc that runs
            // `pyenv init`, which waits up to 60 s for a lock a killed session left) are not an instance's:
            // sshd gets a mount namespace of its own in which that home is an empty folder
            cmd.addAll(List.of(UNSHARE.toString(), "--mount", "--propagation", "private", "/bin/sh", "-c",
                    "mount --bind '" + home + "' '" + USER_HOME + "' && exec " + sshdLine));
        } else {
            cmd.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", cfg.toString()));
        }
        Path log = dir.resolve("sshd-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Sshd sshd = new Sshd(dir, address, port, p, home);
        if (netns == null) {
            sshd.awaitListening(log);
        }
        return sshd;
    }

    /**
     * An empty folder to stand as the login user's home inside sshd's own mount namespace, or null
     * where that cannot be had (not root, no unshare): then the sessions see the real home.
     */
    private static Path cleanHome(Path dir, int port) throws IOException {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(UNSHARE)
                || !Files.isDirectory(USER_HOME) || USER_HOME.toString().contains("'")) {
            return null;
        }
        return Files.createDirectories(dir.resolve("home-" + port));
    }

    /** Waits up to 10 s until the port accepts (from this namespace). */
    public void awaitListening(Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on " + address + ":" + port + ": " + Files.readString(log));
    }

    public int port() {
        return port;
    }

    /**
     * The sessions' home (an empty folder of this server's own), where a test plays the student who
     * owns the instance (a {@code .bashrc}, a {@code bin/curl}); null where sessions see the real home.
     */
    public Path home() {
        return home;
    }

    public String address() {
        return address;
    }

    public String target(String user) {
        return user + "@" + address + ":" + port;
    }

    public Path rsaKey() {
        return dir.resolve("user_rsa.pem");
    }

    public Path ed25519Key() {
        return dir.resolve("user_ed25519");
    }

    public Path log() {
        return dir.resolve("sshd-" + port + ".log");
    }

    /** A known-hosts file holding this server's ed25519 host key, as ssh-keyscan would write it. */
    public Path knownHosts(Path file) throws IOException {
        return knownHosts(file, "ed25519");
    }

    /** A known-hosts file holding only this server's host key of {@code type} ({@code ed25519} or {@code rsa}). */
    public Path knownHosts(Path file, String type) throws IOException {
        String key = Files.readString(dir.resolve("host_" + type + ".pub")).trim().replaceFirst("\\s+\\S+$", "");
        Files.writeString(file, "[" + address + "]:" + port + " " + key + "\n");
        return file;
    }

    /** Ends the sessions sshd forked (each connection's own processes), leaving the listener: a dropped link. */
    public void dropSessions() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    public static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("command failed: " + String.join(" ", cmd));
        }
    }

    @Override
    public void close() throws Exception {
        // the listener and every session child it forked: end the children first, by their PIDs
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
