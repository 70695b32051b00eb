package labapp.config;

/** How the no-cache app gets its MySQL connection. */
public enum DbConnections {
    /** A HikariCP pool (the default, and what the cache app always uses). */
    POOLED,
    /**
     * A new connection per request, as the seed's {@code app_no_cache.py} does; kept only to
     * reproduce the lab's baseline in the benchmark.
     */
    PER_REQUEST;

    /** Parses {@code pooled} or {@code per-request}. */
    public static DbConnections parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pooled", "pool" -> POOLED;
            case "per-request", "per_request" -> PER_REQUEST;
            default -> throw new IllegalArgumentException(
                    "db connections must be pooled or per-request, not '" + text + "'");
        };
    }
}
