package labcheck.checks.servers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import labcheck.checks.support.CacheTarget;
import labcheck.checks.support.CacheTargets;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.Fact;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.ReachedServers;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/**
 * Information item: no Redis or MySQL that answered the probe at an AWS endpoint contradicts
 * what AWS reports for it. What a server says of itself is a claim, and through {@code --ssh}
 * the server reached is wherever the forward from the student's instance went; its engine and
 * version are compared with ElastiCache's and RDS's, and a mismatch is a finding. These are
 * contradiction checks: where no server was read at an AWS endpoint there is nothing to
 * contradict, and the check passes saying so (a Redis read elsewhere, at the judge's
 * {@code --redis}, is the judge's choice); without the AWS side they are unverifiable, as every
 * AWS item is. Agreeing versions cannot prove the server is AWS's
 * (docs/remote.md says what SSH grading can and cannot prove).
 */
public class ReachedServerChecks {

    @Check(id = "elasticache_endpoint_reached_is_the_cluster",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES,
                EvidencePart.APP_SERVERS},
            title = "A Redis read at the cache's ElastiCache endpoint reports the version ElastiCache reports",
            remediation = "Let labcheck read the cache at the endpoint ElastiCache reports (no --redis, or --redis"
                    + " with that endpoint), through the app instance with --ssh; an instance whose name resolution or"
                    + " routing sends that endpoint to another Redis is graded on that other Redis.")
    void redisServer(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        Unverifiable.require(evidence.cacheClusters());   // without ElastiCache there is nothing to compare with
        ReachedServers.RedisServer redis = servers(evidence).map(ReachedServers::redis).orElse(null);
        if (redis == null) {
            Report.passed(reporter, "No Redis was read, so none is compared with ElastiCache.");
            return;
        }
        Optional<CacheTarget> found = CacheTargets.find(evidence, thresholds);
        if (found.isEmpty()) {
            Report.passed(reporter, "The Redis read at " + redis.endpoint() + " is not compared with ElastiCache:"
                    + " the AWS evidence holds no cache " + thresholds.clusterId() + ".");
            return;
        }
        CacheTarget cache = found.get();
        List<String> endpoints = cacheEndpoints(evidence, cache.id());
        boolean valkey = "valkey".equalsIgnoreCase(cache.engine());
        String said = redis.version(valkey);
        if (!endpoints.contains(redis.endpoint()) || said == null || cache.engineVersion() == null) {
            Report.details(reporter, redis.describe() + "; " + cache.describe() + " reports engine " + cache.engine()
                    + " " + cache.engineVersion() + " at " + (endpoints.isEmpty() ? "no endpoint"
                    : String.join(", ", endpoints)) + ".");
            Report.passed(reporter, "The Redis read at " + redis.endpoint() + " is not compared with "
                    + cache.describe() + ": " + (endpoints.contains(redis.endpoint())
                    ? "a version is missing (the server's " + said + ", ElastiCache's " + cache.engineVersion() + ")"
                    : "it is not an endpoint ElastiCache reports for it (" + (endpoints.isEmpty() ? "none reported"
                    : String.join(", ", endpoints)) + ")") + ".");
            return;
        }
        Report.details(reporter, redis.describe() + "; " + cache.describe() + " reports engine " + cache.engine()
                + " " + cache.engineVersion() + ".");
        boolean same = sameVersion(cache.engineVersion(), said);
        if (!same) {
            Finding.REACHED_SERVER_MISMATCH.raise(reporter);
        }
        new Conditions().expect(same, () -> "The Redis read at " + redis.endpoint() + " reports "
                + (valkey ? "Valkey " : "Redis ") + said + ", but " + cache.describe() + " runs " + cache.engine() + " "
                + cache.engineVersion() + "; expected the same version, because the server that answers at the"
                + " cache's endpoint should be the cache. The forward left from the student's instance, so its name"
                + " resolution or routing may send the endpoint to another Redis, and what that Redis holds is not"
                + " evidence of the lab's cache. Fix: check on the instance that " + redis.endpoint() + " reaches the"
                + " ElastiCache cache (redis-cli -h HOST INFO server), and remove any /etc/hosts entry or redirect"
                + " for it.").verify();
        Report.passed(reporter, "The Redis read at " + redis.endpoint() + " reports " + (valkey ? "Valkey " : "Redis ")
                + said + ", the version " + cache.describe() + " runs (" + cache.engineVersion() + ").");
    }

    @Check(id = "rds_endpoint_reached_is_the_instance",
            needs = {EvidencePart.DB_INSTANCES, EvidencePart.APP_SERVERS},
            title = "A database read at an RDS endpoint reports the engine and version RDS reports, and is not"
                    + " the app instance",
            remediation = "Let labcheck read the database at the endpoint RDS reports (no --db-url, or --db-url with"
                    + " that endpoint), through the app instance with --ssh; an instance whose name resolution or"
                    + " routing sends that endpoint to another server is graded on that other server.")
    void databaseServer(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        List<RdsInstance> instances = Unverifiable.require(evidence.dbInstances());   // nothing to compare with else
        ReachedServers.DatabaseServer db = servers(evidence).map(ReachedServers::database).orElse(null);
        if (db == null) {
            Report.passed(reporter, "No database was read, so none is compared with RDS.");
            return;
        }
        String at = hostPort(db.url());
        Optional<RdsInstance> match = instances.stream().filter(d -> d.endpoint() != null
                && (d.endpoint().address() + ":" + d.endpoint().port()).equalsIgnoreCase(at)).findFirst();
        if (match.isEmpty() || db.version() == null || match.get().engineVersion() == null
                || match.get().engine() == null) {
            Report.details(reporter, db.describe() + ".");
            Report.passed(reporter, "The database read at " + at + " is not compared with RDS: " + (match.isEmpty()
                    ? "it is not the endpoint of an RDS instance in the AWS evidence"
                    : "a version is missing (the server's " + db.version() + ", RDS's " + match.get().engine() + " "
                    + match.get().engineVersion() + ")") + ".");
            return;
        }
        RdsInstance d = match.get();
        Report.details(reporter, db.describe() + "; RDS instance " + d.dbInstanceIdentifier() + " reports engine "
                + d.engine() + " " + d.engineVersion() + ".");
        boolean mariaDb = d.engine().toLowerCase(Locale.ROOT).contains("mariadb");
        Optional<Ec2Instance> onInstance = instanceNamed(evidence, db.hostname());
        boolean same = db.mariaDb() == mariaDb && sameVersion(d.engineVersion(), db.version());
        if (!same || onInstance.isPresent()) {
            Finding.REACHED_SERVER_MISMATCH.raise(reporter);
        }
        String what = "The database read at " + at + " reports @@version " + db.version() + " and @@hostname "
                + db.hostname();
        String fix = " The forward left from the student's instance, so its name resolution or routing may send the"
                + " endpoint to another server, and its counters are not evidence of the lab's database. Fix: check on"
                + " the instance that " + at + " reaches RDS (mysql -h HOST -e 'SELECT @@version'), and remove any"
                + " /etc/hosts entry or redirect for it.";
        new Conditions()
                .expect(same, () -> what + ", but RDS instance " + d.dbInstanceIdentifier() + " runs " + d.engine()
                        + " " + d.engineVersion() + "; expected the same engine and version, because the server at the"
                        + " RDS endpoint should be RDS." + fix)
                .expect(onInstance.isEmpty(), () -> what + ", the name of EC2 instance "
                        + onInstance.map(Ec2Instance::instanceId).orElse("") + ": the server that answered runs on"
                        + " that instance, not on RDS instance " + d.dbInstanceIdentifier() + "." + fix)
                .verify();
        Report.passed(reporter, what + ": " + d.engine() + " " + d.engineVersion() + ", as RDS instance "
                + d.dbInstanceIdentifier() + " reports.");
    }

    /** What the servers said of themselves, when the probe read any (a bundle from before issue 18 has none). */
    private static Optional<ReachedServers> servers(Evidence e) {
        if (e.app() == null || !e.app().available()) {
            return Optional.empty();
        }
        AppEvidence app = e.app().value();
        return app.servers() == null || !app.servers().available() ? Optional.empty()
                : Optional.of(app.servers().value());
    }

    /**
     * Whether a server's version agrees with the version AWS reports, in as many parts as AWS gives
     * up to two (major.minor; a serverless cache gives the major alone): {@code 7.0.7} agrees with
     * {@code 7.0.15}, {@code 7} with {@code 7.1.0}, {@code 8.0.35} with {@code 8.0.35-log}.
     */
    static boolean sameVersion(String aws, String server) {
        String[] a = aws.strip().split("[.]");
        String[] s = server.strip().split("[^0-9]+");
        int parts = Math.min(2, a.length);
        if (s.length < parts) {
            return false;
        }
        for (int i = 0; i < parts; i++) {
            if (!a[i].matches("\\d+") || s[i].isEmpty() || Integer.parseInt(a[i]) != Integer.parseInt(s[i])) {
                return false;
            }
        }
        return true;
    }

    /** Every endpoint ElastiCache reports for the cache {@code id}: nodes, the group's primary, serverless. */
    static List<String> cacheEndpoints(Evidence e, String id) {
        List<String> out = new ArrayList<>();
        for (CacheCluster c : list(e.cacheClusters())) {
            if (id.equalsIgnoreCase(c.cacheClusterId()) || id.equalsIgnoreCase(c.replicationGroupId())) {
                for (CacheCluster.CacheNode n : c.cacheNodes() == null ? List.<CacheCluster.CacheNode>of()
                        : c.cacheNodes()) {
                    add(out, n.endpoint());
                }
            }
        }
        for (ReplicationGroup g : list(e.replicationGroups())) {
            if (id.equalsIgnoreCase(g.replicationGroupId())) {
                add(out, g.primaryEndpoint());
                add(out, g.configurationEndpoint());
            }
        }
        for (ServerlessCache s : list(e.serverlessCaches())) {
            if (id.equalsIgnoreCase(s.serverlessCacheName())) {
                add(out, s.endpoint());
            }
        }
        return out;
    }

    /** The EC2 instance whose default host name ({@code ip-10-0-1-23}) {@code hostname} is, if any. */
    private static Optional<Ec2Instance> instanceNamed(Evidence e, String hostname) {
        if (hostname == null) {
            return Optional.empty();
        }
        String h = hostname.toLowerCase(Locale.ROOT);
        return list(e.instances()).stream().filter(i -> i.privateIpAddress() != null)
                .filter(i -> h.equals("ip-" + i.privateIpAddress().replace('.', '-'))
                        || h.startsWith("ip-" + i.privateIpAddress().replace('.', '-') + "."))
                .findFirst();
    }

    private static String hostPort(String jdbcUrl) {
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        return u.getHost() + ":" + (u.getPort() < 0 ? 3306 : u.getPort());
    }

    private static void add(List<String> out, Endpoint ep) {
        if (ep != null && ep.address() != null && ep.port() != null) {
            out.add(ep.address() + ":" + ep.port());
        }
    }

    private static <T> List<T> list(Fact<List<T>> f) {
        return f == null || !f.available() || f.value() == null ? List.of() : f.value();
    }
}
