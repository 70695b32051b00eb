package labcheck.probe;

import java.net.URI;
import labcheck.evidence.SafeUrl;

/**
 * One of the student's apps, by two addresses: {@code url} as the instance sees it, which is
 * what the evidence and the scoresheet name (e.g. {@code http://localhost:5001}), and
 * {@code dialUrl}, where this host connects: the same URL, or an SSH forward such as
 * {@code http://127.0.0.1:40123}. {@code unreachable} says why it cannot be reached from here, or
 * is null.
 *
 * <pre>{@code
 * AppTarget app = AppTarget.at("http://localhost:5001").via("127.0.0.1", 40123);
 * app.url();       // "http://localhost:5001", in the evidence
 * app.dialUrl();   // "http://127.0.0.1:40123", what the probe connects to
 * }</pre>
 */
public record AppTarget(String url, String dialUrl, String unreachable) {

    public AppTarget {
        requireHttpUrl(url);
        dialUrl = dialUrl == null ? url : requireHttpUrl(dialUrl);
    }

    /** The app at {@code url}, dialled there. */
    public static AppTarget at(String url) {
        return new AppTarget(url, null, null);
    }

    /** The instance's host of {@link #url()}, to forward to. */
    public String host() {
        return URI.create(url).getHost();
    }

    /** The instance's port of {@link #url()} (80 or 443 when it names none), to forward to. */
    public int port() {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    /** This app dialled at {@code host:port} (a forward), scheme and path kept; the evidence names {@link #url()}. */
    public AppTarget via(String host, int port) {
        URI u = URI.create(url);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return new AppTarget(url, u.getScheme() + "://" + host + ":" + port + path, unreachable);
    }

    /** This app as unreachable from here, for {@code why} (one sentence with the fix). */
    public AppTarget blocked(String why) {
        return new AppTarget(url, dialUrl, why);
    }

    private static String requireHttpUrl(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("an app URL must be an http:// or https:// URL, was: "
                    + SafeUrl.strip(url));
        }
        return url;
    }
}
