package labapp.backends;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import labapp.config.Settings;

/**
 * Opens MySQL connections the way the app wants them: short connect timeouts so a stopped
 * database answers 503 in about {@link Settings#dbTimeout()}, and a read timeout so a frozen one
 * cannot hold a request thread forever.
 *
 * <pre>{@code
 * try (HikariDataSource pool = Databases.pool(settings, "cache-app")) {
 *     ProductRepository repo = new ProductRepository(pool::getConnection);
 * }
 * }</pre>
 */
public final class Databases {
    private static final int SOCKET_TIMEOUT_MS = 10_000;

    private Databases() {
    }

    /** A HikariCP pool that starts even while the database is down (it connects on first use). */
    public static HikariDataSource pool(Settings settings, String name) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(settings.dbUrl());
        c.setUsername(settings.dbUser());
        c.setPassword(settings.dbPassword());
        c.setMaximumPoolSize(settings.dbPoolSize());
        c.setMinimumIdle(Math.min(2, settings.dbPoolSize()));
        long timeout = Math.max(250, settings.dbTimeout().toMillis());
        c.setConnectionTimeout(timeout);
        c.setValidationTimeout(Math.max(250, Math.min(timeout - 1, 1000)));
        // -1: do not fail start-up when MySQL is down; requests answer 503 until it is back.
        c.setInitializationFailTimeout(-1);
        driverProperties(settings).forEach((k, v) -> c.addDataSourceProperty((String) k, v));
        return new HikariDataSource(c);
    }

    /** A new connection each call, as the seed's {@code app_no_cache.py} does ({@code pymysql.connect}). */
    public static ConnectionSource perRequest(Settings settings) {
        Properties p = driverProperties(settings);
        p.setProperty("user", settings.dbUser());
        p.setProperty("password", settings.dbPassword());
        return () -> DriverManager.getConnection(settings.dbUrl(), p);
    }

    /** One connection, for seeding and one-off commands. */
    public static Connection connect(Settings settings) throws SQLException {
        return perRequest(settings).get();
    }

    static Properties driverProperties(Settings settings) {
        Properties p = new Properties();
        String url = settings.dbUrl();
        if (!url.contains("connectTimeout")) {
            p.setProperty("connectTimeout", Long.toString(Math.max(250, settings.dbTimeout().toMillis())));
        }
        if (!url.contains("socketTimeout")) {
            p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_MS));
        }
        // Statements are few and fixed: let the driver keep them prepared.
        p.setProperty("cachePrepStmts", "true");
        p.setProperty("rewriteBatchedStatements", "true");
        return p;
    }
}
