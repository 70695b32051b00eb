package labcheck.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.Unavailable;

/**
 * A read-only look at the student's MySQL: the product count and the server-wide statement
 * counters, read around a window of cache hits to see whether hits still query the database.
 */
final class DbReader implements AutoCloseable {

    private final Connection conn;
    private final int timeoutSeconds;

    private DbReader(Connection conn, int timeoutSeconds) {
        this.conn = conn;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Connects read-only to where {@code t} is dialled; every message names it as the instance sees it. */
    static Result connect(DbTarget t, Duration timeout) {
        if (t.unreachable() != null) {
            return new Result(null, new Unavailable("Unreachable", "mysql", t.unreachable()));
        }
        if (!t.given()) {
            return new Result(null, Unavailable.notCollected("Database counters",
                    "run with --db-url jdbc:mysql://<rds-endpoint>:3306/ecommerce and a read-only user to see "
                            + "whether cache hits still query the database."));
        }
        Credentials account = t.credentials();
        char[] pw = account == null ? null : account.password();
        int ms = (int) Math.max(1000, timeout.toMillis());
        Properties p = new Properties();
        if (account != null && account.user() != null) {
            p.setProperty("user", account.user());
        }
        if (pw != null) {
            p.setProperty("password", new String(pw));
        }
        p.setProperty("connectTimeout", String.valueOf(ms));
        p.setProperty("socketTimeout", String.valueOf(ms));
        try {
            Connection c = DriverManager.getConnection(t.dialUrl(), p);
            c.setReadOnly(true);
            return new Result(new DbReader(c, Math.max(1, ms / 1000)), null);
        } catch (SQLException | RuntimeException e) {
            String url = SafeUrl.strip(t.jdbcUrl());
            String msg = e.getMessage() == null ? e.getClass().getSimpleName()
                    : t.asSeen(e.getMessage().split("\n")[0]);
            if (e instanceof SQLException sql && (sql.getErrorCode() == 1049 || msg.contains("Unknown database"))) {
                // the server answered: "unreachable" would send the student to the network for a typo
                return new Result(null, new Unavailable("NotFound", "mysql:" + url, "The database server at " + url
                        + " answered but has no such database (" + msg + "). Fix: end --db-url with the database"
                        + " the app uses (the lab's is ecommerce); SHOW DATABASES lists them."));
            }
            boolean denied = e instanceof SQLException sql && "28000".equals(sql.getSQLState());
            return new Result(null, new Unavailable(denied ? "AccessDenied" : "Unreachable", "mysql:" + url,
                    "The database at " + url + (denied ? " refused the probe's credentials (" : " could not be reached (")
                            + msg + "); from outside the VPC run labcheck on the EC2 instance or add --ssh USER@HOST,"
                            + " and use a read-only "
                            + "user that may run SELECT and SHOW GLOBAL STATUS."));
        } finally {
            p.remove("password");
            if (pw != null) {
                java.util.Arrays.fill(pw, '\0');
            }
        }
    }

    long productCount() throws SQLException {
        return single("SELECT COUNT(*) FROM products");
    }

    long maxProductId() throws SQLException {
        return single("SELECT COALESCE(MAX(id), 0) FROM products");
    }

    /** The ids of the {@code n} most viewed products, most viewed first (ties by id, as the seed warms them). */
    java.util.List<Integer> topByViews(int n) throws SQLException {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement st = conn.prepareStatement(
                "SELECT id FROM products ORDER BY views DESC, id LIMIT ?")) {
            st.setQueryTimeout(timeoutSeconds);
            st.setInt(1, n);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    /** {@code Com_select} and {@code Questions}, server-wide. */
    long[] counters() throws SQLException {
        long select = -1;
        long questions = -1;
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = st.executeQuery(
                    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Questions')")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long v = Long.parseLong(rs.getString(2).trim());
                    if (name.equalsIgnoreCase("Com_select")) {
                        select = v;
                    } else {
                        questions = v;
                    }
                }
            }
        }
        return new long[] {select, questions};
    }

    /** {@code @@hostname} and {@code @@version}, as the server reports them (one SELECT: read outside any window). */
    String[] identity() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = st.executeQuery("SELECT @@hostname, @@version")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing a read-only connection: nothing to lose
        }
    }

    record Result(DbReader reader, Unavailable unavailable) {
    }
}
