package labcheck.evidence;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Removes what could carry a secret from a URL before it is stored: user-info
 * ({@code user:password@}), query string and fragment.
 *
 * <pre>{@code
 * SafeUrl.strip("rediss://default:s3cret@cache.example:6379/0?x=1") // "rediss://cache.example:6379/0"
 * }</pre>
 */
public final class SafeUrl {

    private SafeUrl() {
    }

    public static String strip(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        String candidate = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        String prefix = url.startsWith("jdbc:") ? "jdbc:" : "";
        try {
            URI u = new URI(candidate);
            if (u.getScheme() == null || u.getHost() == null) {
                return prefix + dropAfter(stripUserInfo(candidate));
            }
            URI clean = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null);
            return prefix + clean;
        } catch (URISyntaxException e) {
            return prefix + dropAfter(stripUserInfo(candidate));
        }
    }

    /**
     * Why the port {@code address} names (a URL, or {@code host:port}) is no TCP port: 0, over 65535, or
     * not a number; null when it names a good one or none. {@code what} names the address in the message
     * ("the app URL (--app)"), whose fix shows it with {@code usualPort}; user-info and queries are not quoted.
     *
     * <pre>{@code
     * SafeUrl.portProblem("--app", "http://3.80.1.2:0", 5001);
     * // "--app 'http://3.80.1.2:0' names port 0, which is no TCP port. Fix: ... e.g. http://3.80.1.2:5001."
     * }</pre>
     */
    public static String portProblem(String what, String address, int usualPort) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        int scheme = a.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = a.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = a.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = a.substring(start, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.startsWith("[") && hostPort.indexOf(':') != colon) {
            return null; // no port, or a bare IPv6 address
        }
        String port = hostPort.substring(colon + 1);
        if (port.isEmpty() || isPort(port)) {
            return null;
        }
        String shown = port.length() > 12 || SecretGuard.findSecret(port) != null ? "(not shown)" : port;
        String example = strip(a.substring(0, start) + hostPort.substring(0, colon) + ":" + usualPort
                + a.substring(end));
        return what + " '" + strip(a.substring(0, start) + hostPort.substring(0, colon)) + ":" + shown + "' names port "
                + shown + ", which is no TCP port. Fix: give the port it listens on, from 1 to 65535, e.g. " + example
                + ".";
    }

    private static boolean isPort(String digits) {
        return digits.matches("\\d{1,5}") && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
    }

    private static String stripUserInfo(String s) {
        int scheme = s.indexOf("://");
        int at = s.indexOf('@', scheme < 0 ? 0 : scheme + 3);
        int slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (at >= 0 && (slash < 0 || at < slash)) {
            return (scheme < 0 ? "" : s.substring(0, scheme + 3)) + s.substring(at + 1);
        }
        return s;
    }

    private static String dropAfter(String s) {
        int cut = s.length();
        for (char c : new char[] {'?', '#', ';'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return s.substring(0, cut);
    }
}
