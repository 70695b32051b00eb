package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the Redis and database servers the probe read say about themselves. These are claims, like
 * the app's: through {@code --ssh} the server reached is wherever the forward from the student's
 * instance went, so the checks compare them with what AWS reports for the lab's cache and RDS
 * instance (engine and version) and flag a mismatch.
 *
 * @param redis    the Redis read, or null when none was read
 * @param database the database read, or null when none was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReachedServers(RedisServer redis, DatabaseServer database) {

    /**
     * {@code INFO server} of the Redis read.
     *
     * @param endpoint      {@code host:port} as the instance sees it (what the evidence names)
     * @param redisVersion  {@code redis_version}, or null
     * @param valkeyVersion {@code valkey_version} (a Valkey server), or null
     * @param os            {@code os} (ElastiCache says {@code Amazon ElastiCache}), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedisServer(String endpoint, String redisVersion, String valkeyVersion, String os) {

        /** The version of the engine it runs: Valkey's own where it reports one, else Redis's. */
        public String version(boolean valkey) {
            return valkey && valkeyVersion != null ? valkeyVersion : redisVersion;
        }

        /** What it said, for the judge, e.g. {@code redis_version 7.1.0, os Amazon ElastiCache}. */
        public String describe() {
            return "the Redis at " + endpoint + " reports redis_version " + redisVersion
                    + (valkeyVersion == null ? "" : ", valkey_version " + valkeyVersion)
                    + (os == null ? "" : ", os " + os);
        }
    }

    /**
     * {@code SELECT @@hostname, @@version} on the database read.
     *
     * @param url      the JDBC URL as the instance sees it (no credentials)
     * @param hostname {@code @@hostname}, or null
     * @param version  {@code @@version}, e.g. {@code 8.0.35} or {@code 10.11.6-MariaDB}, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatabaseServer(String url, String hostname, String version) {

        /** Whether it says it is MariaDB (RDS engine {@code mariadb}) rather than MySQL. */
        public boolean mariaDb() {
            return version != null && version.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        }

        /** What it said, for the judge. */
        public String describe() {
            return "the database at " + url + " reports @@version " + version + " and @@hostname " + hostname;
        }
    }
}
