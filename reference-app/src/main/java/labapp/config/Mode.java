package labapp.config;

import java.util.EnumSet;
import java.util.Set;

/** Which of the lab's two apps to serve. */
public enum Mode {
    /** The lazy-loading app ({@code app_with_cache.py}, port 5001 in the lab). */
    CACHE,
    /** The baseline app ({@code app_no_cache.py}, port 5000 in the lab). */
    NO_CACHE,
    /** Both, each on its own port, in one process. */
    BOTH;

    /** Parses {@code cache}, {@code no-cache} or {@code both}. */
    public static Mode parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cache" -> CACHE;
            case "no-cache", "nocache", "no_cache" -> NO_CACHE;
            case "both" -> BOTH;
            default -> throw new IllegalArgumentException(
                    "mode must be cache, no-cache or both, not '" + text + "'");
        };
    }

    /** The apps to run: one or two. */
    public Set<Mode> apps() {
        return this == BOTH ? EnumSet.of(CACHE, NO_CACHE) : EnumSet.of(this);
    }
}
