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
