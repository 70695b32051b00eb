package labcheck.evidence;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Last line of defence against a secret reaching a file or a log: finds text that looks
 * like an AWS access key id, a secret access key, a session token or an inline password.
 */
public final class SecretGuard {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("(?i)aws_?secret_?access_?key\"?\\s*[:=]"),
            Pattern.compile("(?i)aws_?session_?token\"?\\s*[:=]"),
            Pattern.compile("(?i)\"(password|passwd|secret|auth_?token)\"\\s*:\\s*\"[^\"]+\""),
            Pattern.compile("(?i)[?&;](password|pwd)=[^&\\s\"]+"),
            Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@\"]*:[^/\\s@\"]+@"));

    private SecretGuard() {
    }

    /** The first pattern {@code text} matches, described, or null when it looks clean. */
    public static String findSecret(String text) {
        if (text == null) {
            return null;
        }
        for (Pattern p : PATTERNS) {
            var m = p.matcher(text);
            if (m.find()) {
                return "text matching /" + p.pattern() + "/ at offset " + m.start();
            }
        }
        return null;
    }

    /** Throws when {@code text} looks like it holds a secret; {@code where} names the output. */
    public static void requireClean(String text, String where) {
        String found = findSecret(text);
        if (found != null) {
            throw new IllegalStateException("Refusing to write " + where + ": it contains " + found
                    + ", which looks like a secret. This is a labcheck bug; please report it.");
        }
    }
}
