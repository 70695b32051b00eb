package labapp.backends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system MariaDB (Debian's {@code mariadb-server} 10.11) started with {@code --no-defaults}
 * on its own datadir and port, so it never touches the machine's own server or config.
 *
 * <pre>{@code
 * try (SystemMariaDb db = SystemMariaDb.start(Path.of("target/mariadb"), FreePorts.pick(), DbAccounts.random())) { ... }
 * }</pre>
 */
public final class SystemMariaDb extends LocalMariaDb {
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path init;
    private Process process;

    private SystemMariaDb(int port, DbAccounts accounts, Path root, Path init) {
        super(port, accounts, root);
        this.init = init;
    }

    /** True when Debian's binaries are installed. */
    public static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    /** Installs a datadir under {@code parent} and starts the server on {@code port}. */
    public static SystemMariaDb start(Path parent, int port, DbAccounts accounts) throws IOException {
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent.toAbsolutePath(), "mariadb-");
        Path init = EmbeddedMariaDb.InitFile.write(root, accounts);
        List<String> install = new ArrayList<>(List.of(INSTALL.toString(), "--no-defaults",
                "--datadir=" + root.resolve("data"), "--auth-root-authentication-method=socket", "--skip-test-db"));
        if (isRoot()) {
            install.add("--user=root");
        }
        Process p = new ProcessBuilder(install).redirectErrorStream(true)
                .redirectOutput(root.resolve("install.log").toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("mariadb-install-db failed; log:\n" + Processes.tail(root.resolve("install.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted installing MariaDB", e);
        }
        SystemMariaDb server = new SystemMariaDb(port, accounts, root, init);
        server.start();
        return server;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + root().resolve("data"), "--port=" + port(), "--bind-address=127.0.0.1",
                "--socket=" + root().resolve("mysqld.sock"), "--pid-file=" + root().resolve("mysqld.pid"),
                "--skip-name-resolve", "--skip-ssl", "--skip-log-bin", "--init-file=" + init,
                "--log-error=" + root().resolve("error.log"), "--innodb-buffer-pool-size=64M"));
        if (isRoot()) {
            cmd.add("--user=root");
        }
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(root().resolve("stdout.log").toFile()).start();
            RedisProcess.awaitPort(process, port(), root().resolve("error.log"));
        } catch (IOException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process);
            process = null;
        }
    }

}
