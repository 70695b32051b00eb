package labcheck.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.ProductRow;

/**
 * A read-only look at the student's MySQL: the product count and the server-wide statement
 * counters, read around a window of cache hits to see whether hits still query the database; the
 * rows of the products asked for (what a right answer carries); and the lab's query by id, timed
 * by {@link QueryTimer}.
 */
final class DbReader implements AutoCloseable {

    /** The lab's query by id, as the seed's apps send it: what a cache miss costs the database. */
    static final String BY_ID = "SELECT * FROM products WHERE id = ?";

    private final Connection conn;
    private final int timeoutSeconds;
    private final DbTarget target;
    private final int timeoutMs;

    private DbReader(Connection conn, DbTarget target, int timeoutMs) {
        this.conn = conn;
        this.target = target;
        this.timeoutMs = timeoutMs;
        this.timeoutSeconds = Math.max(1, timeoutMs / 1000);
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
        Properties p = properties(account, pw, ms);
        try {
            Connection c = DriverManager.getConnection(t.dialUrl(), p);
            c.setReadOnly(true);
            return new Result(new DbReader(c, t, ms), null);
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
                Arrays.fill(pw, '\0');
            }
        }
    }

    private static Properties properties(Credentials account, char[] pw, int ms) {
        Properties p = new Properties();
        if (account != null && account.user() != null) {
            p.setProperty("user", account.user());
        }
        if (pw != null) {
            p.setProperty("password", new String(pw));
        }
        p.setProperty("connectTimeout", String.valueOf(ms));
        p.setProperty("socketTimeout", String.valueOf(ms));
        return p;
    }

    /**
     * A second connection to the same database with the same account, which the caller closes: what
     * an app that connects per request pays for before its query.
     */
    Connection openAnother() throws SQLException {
        Credentials account = target.credentials();
        char[] pw = account == null ? null : account.password();
        Properties p = properties(account, pw, timeoutMs);
        try {
            return DriverManager.getConnection(target.dialUrl(), p);
        } finally {
            p.remove("password");
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    /** Whether this database is dialled somewhere else than where the instance sees it (an SSH forward). */
    boolean forwarded() {
        return !target.jdbcUrl().equals(target.dialUrl());
    }

    /** Runs the lab's query by id on {@code c} and reads the whole row, as the apps do on a miss. */
    void queryById(Connection c, int id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(BY_ID)) {
            st.setQueryTimeout(timeoutSeconds);
            st.setInt(1, id);
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }
    }

    /** The connection this reader keeps open. */
    Connection connection() {
        return conn;
    }

    /**
     * The rows of {@code ids} (at most a few dozen), with the lab's columns the table has; a column
     * it lacks is null.
     */
    List<ProductRow> rows(Collection<Integer> ids) throws SQLException {
        List<ProductRow> rows = new ArrayList<>();
        if (ids.isEmpty()) {
            return rows;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement st = conn.prepareStatement("SELECT * FROM products WHERE id IN (" + marks
                + ") ORDER BY id")) {
            st.setQueryTimeout(timeoutSeconds);
            int i = 1;
            for (int id : ids) {
                st.setInt(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                Set<String> columns = new HashSet<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    columns.add(rs.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT));
                }
                while (rs.next()) {
                    Long views = columns.contains("views") ? (Long) rs.getObject("views", Long.class) : null;
                    rows.add(new ProductRow(rs.getInt("id"), column(rs, columns, "name"),
                            column(rs, columns, "price"), column(rs, columns, "description"), views));
                }
            }
        }
        return rows;
    }

    private static String column(ResultSet rs, Set<String> columns, String name) throws SQLException {
        return columns.contains(name) ? rs.getString(name) : null;
    }

    /** The server's {@code Connections} counter: connection attempts since it started. */
    long connections() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Connections'")) {
                return rs.next() ? Long.parseLong(rs.getString(2).trim()) : -1;
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
    List<Integer> topByViews(int n) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(
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
