package labcheck.evidence;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one rule for every place that names the environment variable holding a secret
 * ({@code --db-password-env}, {@code --redis-password-env}, {@code --ssh-key-passphrase-env},
 * {@code LABCHECK_SSH_KEY_PASSPHRASE_ENV}, the roster's {@code db_password_env}, their labcheck.yaml
 * keys): what was given is checked as a variable's name before its value is read or the name is
 * printed, since a person may type the secret itself there. A name is quoted in a message only
 * when it is set, or looks like one (DB_PASSWORD); anything else is "not shown".
 *
 * <pre>{@code
 * String pw = SecretVariable.password("--db-password-env").read(given, System.getenv());
 * String why = SecretVariable.password("db_password_env").problem(cell, env);   // null when usable
 * }</pre>
 *
 * @param where   the flag, column or variable the name was given in, as messages name it
 * @param example a conventional name for this secret, shown in the fix
 * @param secret  what the variable holds ("password"), as messages name it
 */
public record SecretVariable(String where, String example, String secret) {

    /** A variable's name as a shell accepts it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /** How variables holding secrets are conventionally named: DB_PASSWORD, REDIS_AUTH_2. */
    private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    /** A database password's variable, named in {@code where}. */
    public static SecretVariable password(String where) {
        return new SecretVariable(where, "DB_PASSWORD", "password");
    }

    /** A Redis AUTH token's variable, named in {@code where}. */
    public static SecretVariable token(String where) {
        return new SecretVariable(where, "REDIS_AUTH_TOKEN", "AUTH token");
    }

    /** An SSH key's passphrase's variable, named in {@code where}. */
    public static SecretVariable passphrase(String where) {
        return new SecretVariable(where, "SSH_KEY_PASSPHRASE", "passphrase");
    }

    /**
     * Why {@code given} cannot be used as this secret's variable in {@code env}, or null when it can:
     * not a name, or a name that is not set. Never quotes what may be the secret itself.
     */
    public String problem(String given, Map<String, String> env) {
        String name = given == null ? "" : given.trim();
        if (!NAME.matcher(name).matches()) {
            return notAName();
        }
        if (env.get(name) != null) {
            return null;
        }
        if (printable(name)) {
            return where + ": the variable " + name + " is not set. Fix: read -rs " + name + "; export " + name
                    + " (it stays off the screen), then run labcheck again.";
        }
        return where + " must name an environment variable such as " + example + ", and what was given is not"
                + " set as one (not shown: it may be the " + secret + " itself). Fix: " + fix();
    }

    /**
     * {@code given}, trimmed, when it is a variable's name, set or not: for a name given before it is known
     * whether its value will be needed (a password for a database that may not be found).
     */
    public String requireName(String given) {
        String name = given == null ? "" : given.trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(notAName());
        }
        return name;
    }

    private String notAName() {
        return where + " must name an environment variable such as " + example + ", and what was given is not"
                + " one (not shown: it may be the " + secret + " itself). Fix: " + fix();
    }

    /** {@code given}, trimmed, once {@link #problem} finds nothing wrong with it. */
    public String require(String given, Map<String, String> env) {
        String why = problem(given, env);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return given.trim();
    }

    /** The secret {@code given} names in {@code env}. */
    public String read(String given, Map<String, String> env) {
        return env.get(require(given, env));
    }

    /** Whether a name that is not set may still be shown: one written as variables are, and not a secret's shape. */
    static boolean printable(String name) {
        return CONVENTIONAL.matcher(name).matches() && SecretGuard.findSecret(name) == null;
    }

    /** The fix, in the words of where the name is given: a flag, a variable, or a roster column. */
    private String fix() {
        String set = "read -rs " + example + "; export " + example + "; then ";
        if (where.startsWith("--")) {
            return set + "pass " + where + " " + example + ".";
        }
        if (CONVENTIONAL.matcher(where).matches()) {
            return set + "set " + where + "=" + example + ".";
        }
        return set + "write " + example + " in " + where + ".";
    }
}
