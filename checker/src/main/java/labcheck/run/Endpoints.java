package labcheck.run;

import java.util.List;
import java.util.Optional;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.probe.ProbeSettings;

/**
 * The cache and database endpoints as AWS reports them, so {@code --redis} and {@code --db-url}
 * need not be typed: the lab's cluster (its replication group's primary endpoint, else its first
 * node's), else the serverless cache of that name; the RDS MySQL instance with database
 * {@code ecommerce}. These are the instance's view (private DNS): what the evidence names, reached
 * directly on the instance or over a forward ({@link ThroughSsh}). Deciding what to probe is the
 * planner's job, so this lives here and not with the transport.
 *
 * <pre>{@code
 * List<String> said = new ArrayList<>();
 * ProbeSettings s = Endpoints.fill(settings, awsEvidence, "product-cache-cluster", said);
 * }</pre>
 */
public final class Endpoints {

    /** The database the lab's app uses. */
    public static final String DATABASE = "ecommerce";

    private Endpoints() {
    }

    /** A found Redis endpoint and where it came from. */
    public record Cache(String host, int port, boolean tls, String from) {

        public String shown() {
            return (tls ? "rediss://" : "") + host + ":" + port;
        }
    }

    /** A found MySQL endpoint as a JDBC URL, and where it came from. */
    public record Database(String jdbcUrl, String from) {
    }

    /**
     * {@code s} with Redis and the database filled in where the user gave none and AWS named
     * one; each found endpoint, used or not, is described in {@code said} for the scoresheet.
     */
    public static ProbeSettings fill(ProbeSettings s, Evidence e, String clusterId, List<String> said) {
        ProbeSettings filled = s;
        if (!s.redis().given()) {
            Optional<Cache> c = cache(e, clusterId);
            if (c.isPresent()) {
                filled = filled.withRedis(s.redis().withAddress(c.get().host(), c.get().port(), c.get().tls()));
                said.add("Redis endpoint found in ElastiCache and used (no --redis given): " + c.get().shown()
                        + ", " + c.get().from() + ".");
            }
        }
        if (!s.db().given()) {
            Optional<Database> d = database(e);
            if (d.isPresent() && s.db().credentials() != null) {
                filled = filled.withDb(s.db().withUrl(d.get().jdbcUrl()));
                said.add("Database endpoint found in RDS and used (no --db-url given): " + d.get().jdbcUrl() + ", "
                        + d.get().from() + ".");
            } else if (d.isPresent()) {
                said.add("Database endpoint found in RDS: " + d.get().jdbcUrl() + ", " + d.get().from() + "; not"
                        + " read, because no password is set: export DB_PASSWORD (or name the variable with"
                        + " --db-password-env) to read its counters.");
            }
        }
        return filled;
    }

    /** The lab cluster's Redis endpoint, if AWS reported one. */
    public static Optional<Cache> cache(Evidence e, String clusterId) {
        List<CacheCluster> clusters = list(e.cacheClusters());
        List<ReplicationGroup> groups = list(e.replicationGroups());
        List<ServerlessCache> serverless = list(e.serverlessCaches());
        for (ReplicationGroup g : groups) {
            if (g.replicationGroupId().equals(clusterId) && usable(g.primaryEndpoint())) {
                return Optional.of(new Cache(g.primaryEndpoint().address(), g.primaryEndpoint().port(),
                        tls(clusters, g.replicationGroupId()), "the primary endpoint of replication group "
                        + g.replicationGroupId()));
            }
        }
        for (CacheCluster c : clusters) {
            boolean ours = clusterId.equals(c.cacheClusterId()) || clusterId.equals(c.replicationGroupId());
            if (ours && c.cacheNodes() != null) {
                for (CacheCluster.CacheNode n : c.cacheNodes()) {
                    if (usable(n.endpoint())) {
                        return Optional.of(new Cache(n.endpoint().address(), n.endpoint().port(),
                                Boolean.TRUE.equals(c.transitEncryptionEnabled()), "node " + n.cacheNodeId()
                                + " of cluster " + c.cacheClusterId()
                                + (Boolean.TRUE.equals(c.transitEncryptionEnabled()) ? ", in-transit encryption on"
                                : "")));
                    }
                }
            }
        }
        for (ServerlessCache c : serverless) {
            if (clusterId.equals(c.serverlessCacheName()) && usable(c.endpoint())) {
                // a serverless cache only speaks TLS
                return Optional.of(new Cache(c.endpoint().address(), c.endpoint().port(), true,
                        "the endpoint of serverless cache " + c.serverlessCacheName() + " (TLS)"));
            }
        }
        return Optional.empty();
    }

    /** The RDS MySQL (or MariaDB) instance's endpoint; the available one first when there are several. */
    public static Optional<Database> database(Evidence e) {
        List<RdsInstance> mysql = list(e.dbInstances()).stream()
                .filter(d -> d.engine() != null && (d.engine().contains("mysql") || d.engine().contains("mariadb")))
                .filter(d -> usable(d.endpoint()))
                .sorted((x, y) -> Boolean.compare(!"available".equals(x.dbInstanceStatus()),
                        !"available".equals(y.dbInstanceStatus())))
                .toList();
        if (mysql.isEmpty()) {
            return Optional.empty();
        }
        RdsInstance d = mysql.get(0);
        String others = mysql.size() == 1 ? ""
                : " (of " + mysql.size() + " MySQL instances; give --db-url for another)";
        return Optional.of(new Database("jdbc:mysql://" + d.endpoint().address() + ":" + d.endpoint().port() + "/"
                + DATABASE, "instance " + d.dbInstanceIdentifier() + others));
    }

    private static boolean tls(List<CacheCluster> clusters, String group) {
        return clusters.stream().anyMatch(c -> group.equals(c.replicationGroupId())
                && Boolean.TRUE.equals(c.transitEncryptionEnabled()));
    }

    private static boolean usable(Endpoint e) {
        return e != null && e.address() != null && !e.address().isBlank() && e.port() != null;
    }

    private static <T> List<T> list(Fact<List<T>> f) {
        return f == null || !f.available() || f.value() == null ? List.of() : f.value();
    }
}
