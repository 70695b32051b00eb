package labcheck.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.SafeUrl;

/**
 * The student's MySQL database, by two JDBC URLs: {@code jdbcUrl} as the instance sees it, which
 * is what the evidence names (e.g. the RDS endpoint's
 * {@code jdbc:mysql://mydb.abc123.us-east-1.rds.amazonaws.com:3306/ecommerce}), and
 * {@code dialUrl}, where this host connects (the same, or an SSH forward); with the read-only
 * account, and why it cannot be reached from here (or null). {@link #NONE} is no database given;
 * it may still hold the account an endpoint found later is read with.
 *
 * <pre>{@code
 * DbTarget db = DbTarget.of("jdbc:mysql://mydb.abc123.us-east-1.rds.amazonaws.com:3306/ecommerce",
 *         Credentials.of("admin", password)).via("127.0.0.1", 40125);
 * db.dialUrl();   // "jdbc:mysql://127.0.0.1:40125/ecommerce"
 * }</pre>
 */
public record DbTarget(String jdbcUrl, String dialUrl, Credentials credentials, String unreachable) {

    /** No database to read. */
    public static final DbTarget NONE = new DbTarget(null, null, null, null);

    private static final Pattern JDBC = Pattern.compile(
            "^(jdbc:(?:mysql|mariadb)://)(\\[[^\\]]+\\]|[^/:?]+)(?::(\\d+))?(.*)$");

    public DbTarget {
        if (jdbcUrl != null) {
            requireJdbc(jdbcUrl);
            dialUrl = dialUrl == null ? jdbcUrl : requireJdbc(dialUrl);
        }
    }

    /** The database at {@code jdbcUrl}, dialled there, read with {@code credentials} (or none). */
    public static DbTarget of(String jdbcUrl, Credentials credentials) {
        return new DbTarget(requireJdbc(jdbcUrl), null, credentials, null);
    }

    /** Whether there is a database to read. */
    public boolean given() {
        return jdbcUrl != null;
    }

    /** This database's account at {@code jdbcUrl} (an endpoint found in AWS), dialled there. */
    public DbTarget withUrl(String jdbcUrl) {
        return new DbTarget(requireJdbc(jdbcUrl), null, credentials, unreachable);
    }

    /** The same database read with {@code c} (or no account, when null). */
    public DbTarget withCredentials(Credentials c) {
        return new DbTarget(jdbcUrl, dialUrl, c, unreachable);
    }

    /**
     * The instance's host and port in {@link #jdbcUrl()} (3306 when it names none), to forward to;
     * null for a URL of another shape, which is then dialled as it is.
     */
    public HostPort hostPort() {
        Matcher m = jdbcUrl == null ? null : JDBC.matcher(jdbcUrl);
        if (m == null || !m.matches()) {
            return null;
        }
        return new HostPort(m.group(2).replaceAll("^\\[|\\]$", ""), m.group(3) == null ? 3306
                : Integer.parseInt(m.group(3)));
    }

    /** A host and a port. */
    public record HostPort(String host, int port) {
    }

    /** This database dialled at {@code host:port} (a forward); the evidence still names {@link #jdbcUrl()}. */
    public DbTarget via(String host, int port) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("no host to replace in " + SafeUrl.strip(jdbcUrl));
        }
        return new DbTarget(jdbcUrl, m.group(1) + host + ":" + port + m.group(4), credentials, unreachable);
    }

    /** This database as unreachable from here, for {@code why} (one sentence with the fix). */
    public DbTarget blocked(String why) {
        return new DbTarget(jdbcUrl, dialUrl, credentials, why);
    }

    /**
     * A connection library's message (which names the address it dialled) with this database
     * named as the instance sees it. Only for a library's error text: product data never passes here.
     */
    String asSeen(String libraryMessage) {
        HostPort seen = hostPort();
        if (libraryMessage == null || seen == null || jdbcUrl.equals(dialUrl)) {
            return libraryMessage;
        }
        Matcher dial = JDBC.matcher(dialUrl);
        if (!dial.matches()) {
            return libraryMessage;
        }
        String dialled = dial.group(2) + ":" + dial.group(3);
        String host = seen.host().contains(":") ? "[" + seen.host() + "]" : seen.host();
        return libraryMessage.replace(dialled, host + ":" + seen.port());
    }

    private static String requireJdbc(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("db URL must start with jdbc:, was: " + SafeUrl.strip(url));
        }
        return url;
    }

    @Override
    public String toString() {
        return "DbTarget[" + SafeUrl.strip(jdbcUrl) + (jdbcUrl == null || jdbcUrl.equals(dialUrl) ? ""
                : " via " + SafeUrl.strip(dialUrl)) + ", " + credentials
                + (unreachable == null ? "" : ", unreachable: " + unreachable) + "]";
    }
}
