package labcheck.probe;

import java.util.Arrays;

/**
 * An account the probe signs in with (a Redis AUTH user and token, a database user and
 * password). The password stays in memory only: it is copied in, handed out as a copy the
 * reader clears, never shown by {@link #toString()}, and wiped by {@link #clear()}.
 *
 * <pre>{@code
 * Credentials admin = Credentials.of("admin", passwordChars);   // passwordChars may be cleared now
 * ...
 * admin.clear();
 * }</pre>
 */
public final class Credentials {

    private final String user;
    private final char[] password;
    private final String from;

    private Credentials(String user, char[] password, String from) {
        this.user = user;
        this.password = password == null ? null : password.clone();
        this.from = from;
    }

    /** {@code password} (or null) is copied, so the caller may clear its own. */
    public static Credentials of(String user, char[] password) {
        return new Credentials(user, password, null);
    }

    /**
     * As {@link #of(String, char[])}, naming where the password was read ({@code DB_PASSWORD}), so a
     * refused sign-in can say which variable to correct.
     */
    public static Credentials of(String user, char[] password, String from) {
        return new Credentials(user, password, from);
    }

    /** The environment variable the password was read from, or null. */
    public String from() {
        return from;
    }

    /** The user, or null for the server's default user. */
    public String user() {
        return user;
    }

    /** A copy of the password, or null when there is none; the caller clears it after use. */
    char[] password() {
        return password == null ? null : password.clone();
    }

    /** Wipes the password held in memory; safe to call twice. */
    public void clear() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "(hidden)")
                + (from == null ? "" : " from " + from) + "]";
    }
}
