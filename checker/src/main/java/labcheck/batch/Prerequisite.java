package labcheck.batch;

/**
 * What a student's lab needs before it can be graded, one column each of {@code preflight.csv}, in the
 * order a judge fixes them: the row itself, the way into AWS and its permissions, the way into the
 * instance, the apps, the database password.
 */
public enum Prerequisite {
    ROSTER("roster"),
    AWS_ACCESS("aws_access"),
    AWS_PERMISSIONS("aws_permissions"),
    SSH_LOGIN("ssh_login"),
    SSH_FORWARD("ssh_forward"),
    APP_HEALTH("app_health"),
    BASELINE_HEALTH("baseline_health"),
    DB_PASSWORD("db_password");

    private final String column;

    Prerequisite(String column) {
        this.column = column;
    }

    /** Its column in {@code preflight.csv}. */
    public String column() {
        return column;
    }
}
