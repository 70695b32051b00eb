package labapp.backends;

/**
 * A MySQL-compatible server on 127.0.0.1 that we started and can stop and start again
 * (to test the app while MySQL is down). It holds the {@code ecommerce} database and the
 * accounts of {@link DbAccounts}.
 */
public interface DatabaseServer extends AutoCloseable {
    /** The database the products live in, as in the lab. */
    String DATABASE = "ecommerce";

    String host();

    int port();

    /** Stops the server; connections break. */
    void stop();

    /** Starts it again on the same port and data. */
    void start();

    /** The accounts created at start-up. */
    DbAccounts accounts();

    /** {@code jdbc:mysql://127.0.0.1:PORT/ecommerce}. */
    default String jdbcUrl() {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + DATABASE;
    }

    /** Stops the server and removes its files. */
    @Override
    void close();
}
