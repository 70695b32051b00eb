package labcheck.batch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import labcheck.evidence.Subject;

/**
 * One student of the roster, validated: never holds a secret, only the name of the
 * environment variable that does ({@code dbPasswordEnv}).
 *
 * @param row           the roster row (CSV: spreadsheet row, header = 1; YAML: entry number)
 * @param profile       an AWS profile name, or null when {@code roleArn} is used
 * @param roleArn       a role to assume in the student's account, or null
 * @param externalId    the external id the role's trust policy asks for, or null
 * @param redis         the Redis endpoint the probe may reach, {@code host:port} or a redis URL
 * @param dbUrl         the JDBC URL of the product database, without credentials
 * @param dbPasswordEnv the environment variable holding the DB password
 * @param ssh           the way in through the student's app instance, or null: the addresses are then this
 *                      host's view; with it, {@code redis} and {@code dbUrl} are as the instance sees them
 * @param noWrites      never send PUT or DELETE to this student's app (column no_writes: true)
 */
public record RosterEntry(
        int row,
        String studentId,
        String name,
        String region,
        String profile,
        String roleArn,
        String externalId,
        String appUrl,
        String baselineUrl,
        String redis,
        String dbUrl,
        String dbUser,
        String dbPasswordEnv,
        String clusterId,
        Ssh ssh,
        boolean noWrites) {

    /** A row without SSH columns, whose app may receive the bonus probes' PUT and DELETE (restored afterwards). */
    public RosterEntry(int row, String studentId, String name, String region, String profile, String roleArn,
                       String externalId, String appUrl, String baselineUrl, String redis, String dbUrl,
                       String dbUser, String dbPasswordEnv, String clusterId) {
        this(row, studentId, name, region, profile, roleArn, externalId, appUrl, baselineUrl, redis, dbUrl, dbUser,
                dbPasswordEnv, clusterId, null, false);
    }

    /** A row with its SSH columns, whose app may receive the bonus probes' PUT and DELETE. */
    public RosterEntry(int row, String studentId, String name, String region, String profile, String roleArn,
                       String externalId, String appUrl, String baselineUrl, String redis, String dbUrl,
                       String dbUser, String dbPasswordEnv, String clusterId, Ssh ssh) {
        this(row, studentId, name, region, profile, roleArn, externalId, appUrl, baselineUrl, redis, dbUrl, dbUser,
                dbPasswordEnv, clusterId, ssh, false);
    }

    /**
     * The roster's SSH columns: {@code ssh_user@ssh_host:ssh_port} with the private key file
     * {@code ssh_key} (a path, never the key itself), or, with {@code ssh_via: instance-connect}, no
     * key: a one-time key pushed with EC2 Instance Connect ({@code key} is then null).
     */
    public record Ssh(String user, String host, int port, String key, boolean instanceConnect) {

        public Ssh(String user, String host, int port, String key) {
            this(user, host, port, key, false);
        }

        /** {@code user@host:port}, as {@code --ssh} takes it. */
        public String target() {
            return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** The app port {@code url} names, or {@code fallback} (with SSH the instance's own localhost is probed). */
    public static int port(String url, int fallback) {
        String hp = hostPort(url);
        return hp == null ? fallback : Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1));
    }

    /** Who this student is, as the evidence records it ({@code source} says where AWS facts came from). */
    public Subject subject(String source) {
        return new Subject(studentId, name, region, clusterId, appUrl, baselineUrl, source);
    }

    /**
     * The servers this student's probes measure, as {@code host:port}: two students sharing one must not
     * be measured at the same time, each would slow the other. Without SSH, the app and the no-cache app.
     * With SSH the probe runs on the instance, whatever the roster's URLs call it ({@code localhost} for
     * everyone, as the docs suggest): the instance, {@code ssh_host:ssh_port}. On port 22 that address is
     * the instance's own, so its app ports there too, where a row graded without SSH reaches the same apps;
     * another port is a forward (a bastion, a NAT rule) whose address says nothing of the apps behind it.
     */
    public Set<String> measuredHosts() {
        Set<String> hosts = new TreeSet<>();
        if (ssh != null) {
            String host = ssh.host().contains(":") ? "[" + ssh.host() + "]" : ssh.host().toLowerCase(Locale.ROOT);
            hosts.add(host + ":" + ssh.port());
            if (ssh.port() == 22) {
                hosts.add(host + ":" + port(appUrl, 5001));
                hosts.add(host + ":" + port(baselineUrl, 5000));
            }
            return hosts;
        }
        for (String url : new String[] {appUrl, baselineUrl}) {
            String key = hostPort(url);
            if (key != null) {
                hosts.add(key);
            }
        }
        return hosts;
    }

    static String hostPort(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null) {
                return null;
            }
            int port = u.getPort();
            if (port < 0) {
                port = "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            }
            return u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
