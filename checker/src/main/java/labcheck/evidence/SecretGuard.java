package labcheck.evidence;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence against a secret reaching a file or a log: finds, and redacts, text that
 * looks like an AWS access key id, a secret access key, a session token, a password in a URL,
 * a query or a JDBC key-value list, an inline password assignment in source code, or a private
 * key (a PEM or OpenSSH block, a PuTTY key, OpenSSH key material on its own).
 *
 * <pre>{@code
 * SecretGuard.redact("see redis://default:hunter2@cache:6379");   // "see redis://[redacted]@cache:6379"
 * SecretGuard.findSecret("password='[redacted]'");                // null: a redacted value is clean
 * }</pre>
 * Each pattern's group 1 is the secret; a value starting with {@code [} is never taken for one,
 * so redacted text is clean.
 */
public final class SecretGuard {

    /** What a secret is replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final String KEYWORD = "(?:password|passwd|pwd|secret|auth_?token|access_?token|api_?key|token)";
    /** A value, as in a query or a key-value list: up to the next separator. */
    private static final String VALUE = "([^\\[\\s\"'&,;)<>][^\\s\"'&,;)<>]*)";
    /**
     * A key's base64 body, its header lines (Proc-Type: 4,ENCRYPTED) included, up to the END line: newlines
     * may be real or JSON's {@code \n}, and Markdown escapes a {@code +} or {@code -} with a backslash; a quote
     * or markup ends it, so JSON, XML and HTML stay well-formed.
     */
    private static final String KEY_BODY = "(?:\\s|\\\\[nr])*"
            + "([A-Za-z0-9+/=](?:(?!-----)(?:[A-Za-z0-9+/=:,.\\s-]|\\\\[nrt+/=-]))*)";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"),
            // -----BEGIN RSA PRIVATE KEY----- (OPENSSH, EC, DSA, ENCRYPTED, or none): the body is the secret
            Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----" + KEY_BODY),
            // a PuTTY key (EC2 offers .ppk): the private lines
            Pattern.compile("Private-Lines:\\s*+\\d++" + KEY_BODY),
            // OpenSSH key material without its BEGIN line ("openssh-key-v1" in base64)
            Pattern.compile("(b3BlbnNzaC1rZXktdjE[A-Za-z0-9+/=]*)"),
            Pattern.compile("(?i)aws_?secret_?access_?key\"?\\s*[:=]\\s*\"?" + VALUE),
            Pattern.compile("(?i)aws_?session_?token\"?\\s*[:=]\\s*\"?" + VALUE),
            // JSON: "password": "..." (the value may hold escaped quotes)
            Pattern.compile("(?i)\"" + KEYWORD + "\"\\s*:\\s*\"((?:[^\"\\\\\\[]|\\\\.)(?:[^\"\\\\]|\\\\.)*)\""),
            // a query or a JDBC key-value list: ?token=..., &password=..., (host=h,password=...)
            Pattern.compile("(?i)[?&;,(]\\s*" + KEYWORD + "\\s*=\\s*" + VALUE),
            // user-info in a URL: scheme://user:password@
            Pattern.compile("(?i)[a-z][a-z0-9+.-]*://((?:[^/\\s:@\"\\[]*):(?:[^/\\s@\"<>]+))@"),
            // source code: password = 'x', DB_PASSWORD="x", redis_auth_token: 'x'
            Pattern.compile("(?i)\\b\\w*" + KEYWORD + "\\w*\\s*[:=]\\s*(?:\\\\?[\"'])([^\\[\"'\\\\\\s][^\"'\\\\]*)"
                    + "\\\\?[\"']"));

    private SecretGuard() {
    }

    /**
     * Whether {@code text} holds a private key, or what is left of one (its BEGIN line alone), in any
     * of the forms {@link #redact} knows: a value a person pasted where the key's file name belongs.
     */
    public static boolean holdsPrivateKey(String text) {
        return text != null && (text.contains("PRIVATE KEY-----") || text.contains("PuTTY-User-Key-File")
                || text.contains("b3BlbnNzaC1rZXktdjE"));
    }

    /** The first pattern {@code text} matches, described, or null when it looks clean. */
    public static String findSecret(String text) {
        if (text == null) {
            return null;
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return "text matching /" + p.pattern() + "/ at offset " + m.start();
            }
        }
        return null;
    }

    /**
     * {@code text} with every secret-looking part replaced by {@link #REDACTED}; quotes, backslashes and
     * markup around it are kept, so JSON, XML and HTML stay well-formed.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(result);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                out.append(result, last, m.start(1)).append(REDACTED);
                last = m.end(1);
            }
            result = out.append(result, last, result.length()).toString();
        }
        return result;
    }

    /**
     * {@code text} redacted, checked clean; throws only when redaction left a secret, which is a labcheck bug.
     * {@code where} names the output.
     */
    public static String cleaned(String text, String where) {
        String clean = redact(text);
        requireClean(clean, where);
        return clean;
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
