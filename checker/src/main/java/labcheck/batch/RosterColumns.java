package labcheck.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The roster's columns, and the header checks that make a whole file unusable. */
final class RosterColumns {

    static final List<String> ALL = List.of("student_id", "name", "region", "profile", "role_arn", "external_id",
            "app_url", "baseline_url", "redis", "db_url", "db_user", "db_password_env", "cluster_id", "ssh_user",
            "ssh_host", "ssh_port", "ssh_key", "ssh_via", "no_writes");

    private RosterColumns() {
    }

    /** "App URL" and "app-url" both mean app_url: spreadsheets are typed by people. */
    static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    static void requireKnown(List<String> header, String origin) {
        if (!header.contains("student_id")) {
            throw new Roster.RosterException(origin + ": the header has no student_id column; the first row must "
                    + "name the columns, e.g. " + String.join(",", ALL) + ".");
        }
        List<String> unknown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String h : header) {
            if (seen.contains(h)) {
                throw new Roster.RosterException(origin + ": the header names column " + h + " twice.");
            }
            seen.add(h);
            if (!ALL.contains(h)) {
                unknown.add(h);
            }
        }
        if (!unknown.isEmpty()) {
            String why = anySecretName(unknown)
                    ? "; secrets never go in the roster: put the password in an environment variable and name "
                    + "that variable in db_password_env"
                    : "";
            throw new Roster.RosterException(origin + ": unknown column(s) " + unknown + why + ". Known columns: "
                    + String.join(", ", ALL) + ".");
        }
    }

    static boolean anySecretName(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.contains("password") || n.contains("passphrase") || n.contains("secret")
                        || n.contains("token") || n.contains("access_key") || n.equals("pwd"));
    }
}
