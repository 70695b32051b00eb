package labapp.backends;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process on 127.0.0.1 that we start, stop, freeze and thaw by its own PID:
 * either the binary shipped in the embedded-redis jar (6.2) or a system one such as Debian's
 * {@code /usr/bin/redis-server} (7.0). Nothing is persisted to disk.
 *
 * <pre>{@code
 * try (RedisProcess redis = RedisProcess.embedded(FreePorts.pick(), null)) {
 *     redis.freeze();   // SIGSTOP: connections open, nothing answers
 *     redis.thaw();
 * }
 * }</pre>
 */
public final class RedisProcess implements AutoCloseable {
    private final Path executable;
    private final int port;
    private final String password;
    private final Path workDir;
    private final List<String> extraArgs;
    private Process process;

    private RedisProcess(Path executable, int port, String password, List<String> extraArgs) throws IOException {
        this.executable = executable;
        this.port = port;
        this.password = password;
        this.extraArgs = List.copyOf(extraArgs);
        this.workDir = Files.createTempDirectory("labapp-redis-");
    }

    /** Starts the redis-server shipped in the embedded-redis jar. */
    public static RedisProcess embedded(int port, String password) throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        return started(binary.toPath(), port, password, List.of());
    }

    /** Starts the given redis-server binary, e.g. {@code /usr/bin/redis-server}. */
    public static RedisProcess system(Path binary, int port, String password) throws IOException {
        return started(binary, port, password, List.of());
    }

    /**
     * Starts the given binary with extra arguments appended (later ones win), e.g. TLS only:
     * {@code --port 0 --tls-port PORT --tls-cert-file ...}.
     */
    public static RedisProcess system(Path binary, int port, String password, List<String> extraArgs) throws IOException {
        return started(binary, port, password, extraArgs);
    }

    private static RedisProcess started(Path binary, int port, String password, List<String> extraArgs)
            throws IOException {
        RedisProcess r = new RedisProcess(binary, port, password, extraArgs);
        r.start();
        return r;
    }

    /** Starts (again) on the same port; returns when it accepts connections. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(executable.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", workDir.toString(), "--protected-mode", "no"));
        if (password != null) {
            cmd.add("--requirepass");
            cmd.add(password);
        }
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("redis.log").toFile());
        process = pb.start();
        awaitPort(process, port, workDir.resolve("redis.log"));
    }

    /** Stops the process (SIGTERM, then SIGKILL) and waits for it to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        thawQuietly();
        Processes.stop(process);
        process = null;
    }

    /** SIGSTOP: the port stays open but nothing answers, like a hung or overloaded server. */
    public synchronized void freeze() {
        Processes.signal(pid(), "STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public synchronized void thaw() {
        Processes.signal(pid(), "CONT");
    }

    private void thawQuietly() {
        try {
            Processes.signal(process.pid(), "CONT");
        } catch (RuntimeException ignored) {
            // already running or gone
        }
    }

    /** The PID of the running server. */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** {@code redis://[:password@]127.0.0.1:port}. */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + host() + ":" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        Processes.deleteTree(workDir);
    }

    static void awaitPort(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server on port " + port + " exited with " + process.exitValue()
                        + "; log " + log + ":\n" + Processes.tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Processes.sleep(20);
            }
        }
        Processes.stop(process);
        throw new IOException("server did not open port " + port + " within 30 s; log " + log + ":\n" + Processes.tail(log));
    }
}
