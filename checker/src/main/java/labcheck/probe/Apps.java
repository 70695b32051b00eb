package labcheck.probe;

/**
 * The two apps the probe compares, and where the timing comparison's requests are timed.
 *
 * <pre>{@code
 * Apps apps = Apps.of("http://localhost:5001", "http://localhost:5000");
 * }</pre>
 *
 * @param app      the cache app
 * @param baseline the no-cache app, or null when not given
 * @param timer    times the comparison's requests elsewhere (on the instance), or null: this host does
 */
public record Apps(AppTarget app, AppTarget baseline, RemoteTimer timer) {

    public Apps {
        java.util.Objects.requireNonNull(app, "app");
    }

    /** The cache app and the no-cache app (or null), each dialled where it is, timed from here. */
    public static Apps of(String appUrl, String baselineUrl) {
        return new Apps(AppTarget.at(appUrl), baselineUrl == null ? null : AppTarget.at(baselineUrl), null);
    }
}
