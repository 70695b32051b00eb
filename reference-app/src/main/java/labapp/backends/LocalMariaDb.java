package labapp.backends;

import java.nio.file.Path;

/**
 * What every MariaDB we run ourselves shares: it listens on 127.0.0.1, holds the lab's
 * accounts, and keeps its files under one folder that {@link #close()} removes.
 */
abstract class LocalMariaDb implements DatabaseServer {
    private final int port;
    private final DbAccounts accounts;
    private final Path root;

    LocalMariaDb(int port, DbAccounts accounts, Path root) {
        this.port = port;
        this.accounts = accounts;
        this.root = root;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public DbAccounts accounts() {
        return accounts;
    }

    /** The folder holding the server's data, socket and temporary files. */
    Path root() {
        return root;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            Processes.deleteTree(root);
        }
    }
}
