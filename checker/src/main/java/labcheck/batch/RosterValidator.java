package labcheck.batch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.SecretGuard;
import labcheck.evidence.SecretVariable;

/** Turns roster rows into entries or problems, then rejects duplicate student ids. */
final class RosterValidator {

    /** Student ids name result directories, so they must be safe file names. */
    static final Pattern STUDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final SecretVariable DB_PASSWORD = SecretVariable.password("db_password_env");
    private static final Pattern CLUSTER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,49}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");
    /** A key file's path as people write one (a folder, or a key's extension), not a key or a passphrase. */
    private static final Pattern PATH = Pattern.compile("[^\\n]{0,200}[/\\\\][^\\n]{0,200}|[^\\n]{1,200}\\.(?:pem|key|ppk)");

    /** Files and directories labcheck writes beside the student directories. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(CohortFiles.MARKS, CohortFiles.SUMMARY,
            ResultStore.BATCH_DIR, ResultStore.PROBLEMS);
    private static final java.util.Set<String> KNOWN_REGIONS = AwsRegions.ids();

    private final Map<String, String> env;
    private final List<RosterEntry> entries = new ArrayList<>();
    private final List<RosterProblem> problems = new ArrayList<>();
    private final Map<String, List<Integer>> rowsById = new LinkedHashMap<>();
    private final Map<Integer, String> idOfRow = new java.util.HashMap<>();

    /** A db_password_env need only name a variable (set or not): preflight reports an unset one itself. */
    private final boolean passwordsLater;

    RosterValidator(Map<String, String> env, boolean passwordsLater) {
        this.env = env;
        this.passwordsLater = passwordsLater;
    }

    void problem(int row, String studentId, String reason) {
        problems.add(new RosterProblem(row, studentId, reason));
    }

    void accept(int row, Map<String, String> raw) {
        Map<String, String> v = new LinkedHashMap<>();
        raw.forEach((k, val) -> v.put(k, val == null || val.isBlank() ? null : val.trim()));
        String id = v.get("student_id");
        String usableId = id != null && STUDENT_ID.matcher(id).matches() ? id : null;
        if (usableId != null) {
            // S001 and s001 would share one results directory on macOS and Windows
            rowsById.computeIfAbsent(usableId.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(row);
            idOfRow.put(row, usableId);
        }
        for (String col : new String[] {"app_url", "baseline_url"}) {
            v.computeIfPresent(col, (k, url) -> lowerCaseScheme(url));
        }
        String why = reason(v, id);
        if (why != null) {
            problem(row, usableId, why);
            return;
        }
        entries.add(new RosterEntry(row, id, v.get("name"), v.get("region"), v.get("profile"), v.get("role_arn"),
                v.get("external_id"), v.get("app_url"), v.get("baseline_url"), v.get("redis"), v.get("db_url"),
                v.get("db_user"), v.get("db_password_env"), v.get("cluster_id"), ssh(v), yes(v.get("no_writes"))));
    }

    /** The SSH columns as a way in, or null when there is none ({@link #reason} has checked them). */
    private static RosterEntry.Ssh ssh(Map<String, String> v) {
        boolean connect = INSTANCE_CONNECT.equals(v.get("ssh_via"));
        if (v.get("ssh_user") == null && !connect) {
            return null;
        }
        String host = v.get("ssh_host") != null ? v.get("ssh_host") : URI.create(v.get("app_url")).getHost();
        int port = v.get("ssh_port") == null ? 22 : Integer.parseInt(v.get("ssh_port"));
        String user = v.get("ssh_user") != null ? v.get("ssh_user") : "ec2-user";
        return new RosterEntry.Ssh(user, host, port, connect ? null : v.get("ssh_key"), connect);
    }

    private static final String INSTANCE_CONNECT = "instance-connect";

    /** Why {@code ssh_via} cannot be used, or null (then the key columns are checked as without it). */
    private static String viaReason(Map<String, String> v) {
        String via = v.get("ssh_via");
        if (via == null || via.equals("key")) {
            return null;
        }
        if (!via.equals(INSTANCE_CONNECT)) {
            return "ssh_via '" + via + "' is neither key nor instance-connect; leave it empty (the key pair in"
                    + " ssh_key) or write instance-connect (a one-time key pushed with EC2 Instance Connect).";
        }
        if (v.get("ssh_key") != null) {
            return "ssh_via instance-connect logs in with a one-time key of its own, and ssh_key names a key file;"
                    + " empty one of them.";
        }
        if (v.get("region") == null && v.get("profile") == null && v.get("role_arn") == null) {
            return "ssh_via instance-connect pushes the key with the row's AWS access, and the row has none; give"
                    + " region (and profile or role_arn).";
        }
        if (v.get("ssh_host") == null && (v.get("app_url") == null || !isHttpUrl(v.get("app_url")))) {
            return "ssh_host is empty and there is no app_url to find the instance by; give ssh_host.";
        }
        return null;
    }

    /** Why the SSH columns cannot be used, or null. */
    private static String sshReason(Map<String, String> v) {
        String via = viaReason(v);
        if (via != null || INSTANCE_CONNECT.equals(v.get("ssh_via"))) {
            return via != null ? via : sshAddressReason(v);
        }
        boolean any = v.get("ssh_user") != null || v.get("ssh_host") != null || v.get("ssh_port") != null
                || v.get("ssh_key") != null;
        if (!any) {
            return null;
        }
        if (v.get("ssh_user") == null || v.get("ssh_key") == null) {
            return "the SSH columns need ssh_user and ssh_key (the private key file), e.g. ec2-user and "
                    + "keys/s42.pem; ssh_host defaults to app_url's host and ssh_port to 22.";
        }
        String address = sshAddressReason(v);
        if (address != null) {
            return address;
        }
        String key = v.get("ssh_key");
        if (!isRegularFile(key)) {
            // a path is quoted to help find the typo; anything else may be a piece of a key or a passphrase
            return "ssh_key " + (PATH.matcher(key).matches() ? key + " " : "(not shown: it is not a file name) ")
                    + "is not a file; give the path of the instance key pair's private key (the .pem).";
        }
        return null;
    }

    /** Why ssh_user, ssh_host or ssh_port cannot be used, or null. */
    private static String sshAddressReason(Map<String, String> v) {
        if (v.get("ssh_user") != null && !v.get("ssh_user").matches("[A-Za-z0-9._-]+")) {
            return "ssh_user '" + v.get("ssh_user") + "' is not a user name such as ec2-user.";
        }
        if (v.get("ssh_host") == null && (v.get("app_url") == null || !isHttpUrl(v.get("app_url")))) {
            return "ssh_host is empty and there is no app_url to take the instance's address from; give ssh_host.";
        }
        if (v.get("ssh_host") != null && !v.get("ssh_host").matches("[A-Za-z0-9._:%-]+")) {
            return "ssh_host '" + v.get("ssh_host") + "' is not a host name or address.";
        }
        if (v.get("ssh_port") != null && !v.get("ssh_port").matches("[0-9]{1,5}")
                || v.get("ssh_port") != null && (Integer.parseInt(v.get("ssh_port")) < 1
                || Integer.parseInt(v.get("ssh_port")) > 65535)) {
            return "ssh_port '" + v.get("ssh_port") + "' is not a port from 1 to 65535.";
        }
        return null;
    }

    /** Why the row cannot be graded, or null. Never quotes a value that looks like a secret. */
    private String reason(Map<String, String> v, String id) {
        for (Map.Entry<String, String> e : v.entrySet()) {
            if (SecretGuard.holdsPrivateKey(e.getValue())) {
                return "column " + e.getKey() + " holds a private key itself (not shown); a key never goes in the"
                        + " roster. Fix: save the key as a file readable only by you (e.g. keys/s42.pem, chmod 600)"
                        + " and give the path of the .pem in ssh_key.";
            }
            if (e.getValue() != null && SecretGuard.findSecret(e.getValue()) != null) {
                return "column " + e.getKey() + " looks like it holds a secret (a password, key or token); secrets "
                        + "never go in the roster: remove it, put it in an environment variable and name that "
                        + "variable in db_password_env.";
            }
        }
        if (id == null) {
            return "student_id is empty; every row needs one.";
        }
        if (!STUDENT_ID.matcher(id).matches()) {
            return "student_id '" + id + "' is not usable as a directory name; use letters, digits, '.', '_' "
                    + "and '-' (up to 64, starting with a letter or digit).";
        }
        if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            return "student_id '" + id + "' is the name of a file labcheck writes for the whole cohort in the results"
                    + " directory; give the student another id.";
        }
        String region = v.get("region");
        boolean aws = v.get("profile") != null || v.get("role_arn") != null;
        if (region != null && !REGION.matcher(region).matches()) {
            return "region '" + region + "' is not an AWS region name such as us-east-1.";
        }
        if (region != null && !KNOWN_REGIONS.contains(region)) {
            return "region '" + region + "' is not an AWS region" + AwsRegions.nearest(region, KNOWN_REGIONS);
        }
        if (v.get("profile") != null && v.get("role_arn") != null) {
            return "give profile or role_arn, not both.";
        }
        if (v.get("role_arn") != null && !ROLE_ARN.matcher(v.get("role_arn")).matches()) {
            return "role_arn '" + v.get("role_arn") + "' is not an IAM role ARN such as "
                    + "arn:aws:iam::123456789012:role/labcheck-judge.";
        }
        if (v.get("external_id") != null && v.get("role_arn") == null) {
            return "external_id is only used with role_arn; add the role or drop the external id.";
        }
        if (aws && region == null) {
            return "region is empty but AWS credentials are named; add the region the lab was built in.";
        }
        for (String col : new String[] {"app_url", "baseline_url", "redis"}) {
            String port = SafeUrl.portProblem(col, v.get(col), col.equals("redis") ? 6379
                    : col.equals("app_url") ? 5001 : 5000);
            if (port != null) {
                return port;
            }
        }
        for (String col : new String[] {"app_url", "baseline_url"}) {
            if (v.get(col) != null && !isHttpUrl(v.get(col))) {
                return col + " '" + SafeUrl.strip(v.get(col))
                        + "' is not an http(s) URL such as http://203.0.113.10:5001.";
            }
        }
        String redis = v.get("redis");
        if (redis != null && !HOST_PORT.matcher(redis).matches() && !redis.matches("rediss?://\\S+")) {
            return "redis '" + SafeUrl.strip(redis) + "' is neither host:port nor a redis:// URL.";
        }
        String db = v.get("db_url");
        if (db != null && !db.matches("jdbc:(mysql|mariadb)://\\S+")) {
            return "db_url '" + SafeUrl.strip(db)
                    + "' is not a JDBC MySQL URL such as jdbc:mysql://db.example:3306/productdb.";
        }
        String pwEnv = v.get("db_password_env");
        String pwProblem = pwEnv == null ? null
                : passwordsLater ? nameProblem(pwEnv) : DB_PASSWORD.problem(pwEnv, env);
        if (pwProblem != null) {
            return pwProblem;
        }
        String noWrites = v.get("no_writes");
        if (noWrites != null && !noWrites.matches("(?i)true|false|yes|no|y|n|1|0|x")) {
            return "no_writes '" + noWrites + "' is not yes or no (true/false, 1/0 or x also work).";
        }
        if (v.get("cluster_id") != null && !CLUSTER_ID.matcher(v.get("cluster_id")).matches()) {
            return "cluster_id '" + v.get("cluster_id") + "' is not an ElastiCache cluster id.";
        }
        String ssh = sshReason(v);
        if (ssh != null) {
            return ssh;
        }
        if (v.get("app_url") == null && v.get("ssh_user") == null && !aws && region == null) {
            return "nothing to grade: give app_url, or region with profile or role_arn.";
        }
        return null;
    }

    private static String nameProblem(String pwEnv) {
        try {
            DB_PASSWORD.requireName(pwEnv);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean isRegularFile(String path) {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A yes of a spreadsheet cell: true, yes, y, 1 or x. */
    private static boolean yes(String cell) {
        return cell != null && cell.matches("(?i)true|yes|y|1|x");
    }

    /** "HTTP://host" as a spreadsheet capitalises it: the scheme is case-insensitive (RFC 3986). */
    private static String lowerCaseScheme(String url) {
        int colon = url.indexOf("://");
        return colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon) : url;
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The validated roster: a student id on more than one row is reported on each and graded on none. */
    Roster roster() {
        List<RosterEntry> kept = new ArrayList<>();
        for (RosterEntry e : entries) {
            if (rowsById.get(e.studentId().toLowerCase(Locale.ROOT)).size() == 1) {
                kept.add(e);
            }
        }
        List<RosterProblem> all = new ArrayList<>(problems);
        rowsById.forEach((key, rows) -> {
            if (rows.size() > 1) {
                String list = rows.stream().map(String::valueOf).collect(Collectors.joining(", "));
                boolean sameCase = rows.stream().map(idOfRow::get).distinct().count() == 1;
                for (int row : rows) {
                    String id = idOfRow.get(row);
                    all.add(new RosterProblem(row, id, "student id " + id + " appears on rows " + list
                            + (sameCase ? "" : " (ids that differ only in case share one results directory on"
                            + " macOS and Windows)") + "; none of them was graded: keep one row per student."));
                }
            }
        });
        all.sort(java.util.Comparator.comparingInt(RosterProblem::row));
        return new Roster(kept, all);
    }
}
