package labcheck.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import labcheck.checks.support.CacheTarget;
import labcheck.checks.support.CacheTargets;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Item 1, "Redis cluster created correctly": the cluster exists, is available and is the lab's size. */
public class ClusterChecks {

    @Check(id = "elasticache_cluster_found",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES},
            title = "The Redis cluster exists with the lab's id",
            remediation = "Create it: aws elasticache create-cache-cluster --cache-cluster-id ${clusterId}"
                    + " --engine redis --engine-version ${engineMajorVersion}.0 --cache-node-type ${allowedNodeTypes}"
                    + " --num-cache-nodes ${nodeCount} --cache-subnet-group-name redis-subnet-group"
                    + " --security-group-ids <redis-sg-id> --region us-east-1. Console: ElastiCache > Redis OSS caches"
                    + " > Create, cluster name ${clusterId}, node type ${allowedNodeTypes}, 0 replicas.")
    void clusterFound(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        Optional<CacheTarget> cache = CacheTargets.find(evidence, thresholds);
        assertThat(cache).withFailMessage(() -> CacheTargets.notFound(evidence, thresholds)).isPresent();
        CacheTarget found = cache.get();
        new Conditions().expect(CacheTargets.named(found, thresholds), () -> "No ElastiCache cache carries the"
                + " lab's id " + thresholds.clusterId() + " " + Texts.inRegion(CacheTargets.region(evidence))
                + "; the only Redis cache there, " + found.describe() + ", was graded in its place by the other"
                + " checks. The lab asks for exactly this id. Fix: create the cache as " + thresholds.clusterId()
                + " (a cluster cannot be renamed), or ask your instructor to set your roster's cluster_id (or"
                + " thresholds.clusterId) to " + found.id() + ".").verify();
        String how = switch (found.kind()) {
            case CLUSTER -> ".";
            case REPLICATION_GROUP -> " (as the console makes it), member clusters " + Texts.join(found.memberIds()) + ".";
            case SERVERLESS -> "; a serverless cache has no node type or node count, see the other cluster checks.";
        };
        Report.passed(reporter, "Found " + found.describe() + " " + Texts.inRegion(CacheTargets.region(evidence))
                + how);
    }

    @Check(id = "elasticache_cluster_available",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES},
            title = "The Redis cluster is available",
            remediation = "Wait until the status is 'available' (5-7 minutes after creating):"
                    + " aws elasticache wait cache-cluster-available --cache-cluster-id ${clusterId}"
                    + " (for a console-made cluster: aws elasticache wait replication-group-available"
                    + " --replication-group-id ${clusterId}), then run labcheck again.")
    void clusterAvailable(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "status");
        if (cache.status() == null || cache.status().isBlank()) {
            throw new Unverifiable(cache.describe() + " was listed without a status, so whether it is available"
                    + " is unknown.", "Run labcheck again in a minute; if it stays unknown, check with `aws"
                    + " elasticache describe-cache-clusters --show-cache-node-info` that the caller may run"
                    + " elasticache:DescribeCacheClusters and DescribeReplicationGroups.");
        }
        String status = cache.status().toLowerCase(Locale.ROOT);
        new Conditions().expect(status.equals("available"), () -> notAvailable(cache, status)).verify();
        Report.passed(reporter, cache.describe() + " is available.");
    }

    @Check(id = "elasticache_cluster_node_type_allowed",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES},
            title = "The Redis cluster uses an allowed node type (${allowedNodeTypes})",
            remediation = "Use the Free Tier node type: aws elasticache modify-cache-cluster --cache-cluster-id"
                    + " ${clusterId} --cache-node-type ${allowedNodeTypes} --apply-immediately (console-made:"
                    + " aws elasticache modify-replication-group --replication-group-id ${clusterId}"
                    + " --cache-node-type ${allowedNodeTypes} --apply-immediately), or recreate the cluster with it.")
    void nodeTypeAllowed(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "node type");
        if (cache.kind() != CacheTarget.Kind.SERVERLESS && (cache.nodeType() == null || cache.nodeType().isBlank())) {
            throw new Unverifiable(cache.describe() + " was listed without a node type (neither the cache nor its"
                    + " member clusters report one), so it cannot be compared with " + Texts.join(
                    thresholds.allowedNodeTypes()) + ".", "Run labcheck again once the cache is available; a"
                    + " replication group's members must be readable with elasticache:DescribeCacheClusters.");
        }
        String allowed = Texts.join(thresholds.allowedNodeTypes());
        Conditions conditions = new Conditions();
        if (cache.kind() == CacheTarget.Kind.SERVERLESS) {
            conditions.fail(cache.describe() + " is serverless, and a serverless cache has no node type; expected a"
                    + " node-based cluster of type " + allowed + ", which the Free Tier covers (serverless is billed by"
                    + " use). Fix: create the cluster with `aws elasticache create-cache-cluster --cache-cluster-id "
                    + thresholds.clusterId() + " --engine redis --cache-node-type "
                    + thresholds.allowedNodeTypes().get(0) + " --num-cache-nodes " + thresholds.nodeCount() + "` and"
                    + " delete the serverless cache (`aws elasticache delete-serverless-cache --serverless-cache-name "
                    + cache.id() + "`).");
        } else {
            conditions.expect(isAllowed(cache.nodeType(), thresholds.allowedNodeTypes()), () -> cache.describe()
                    + " uses node type " + Texts.orUnknown(cache.nodeType()) + "; expected " + allowed + ", the Free"
                    + " Tier node type the lab asks for. Fix: " + modifyCommand(cache, "--cache-node-type "
                    + thresholds.allowedNodeTypes().get(0)) + ", or recreate the cluster with that node type.");
        }
        conditions.verify();
        Report.passed(reporter, cache.describe() + " uses node type " + cache.nodeType() + ".");
    }

    @Check(id = "elasticache_cluster_engine_version_single_node",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES},
            title = "The cluster runs Redis ${engineMajorVersion} on a single node",
            remediation = "Recreate the cluster with --engine redis --engine-version ${engineMajorVersion}.0"
                    + " --num-cache-nodes ${nodeCount}, or upgrade: aws elasticache modify-cache-cluster"
                    + " --cache-cluster-id ${clusterId} --engine-version ${engineMajorVersion}.0 --apply-immediately;"
                    + " remove replicas with aws elasticache decrease-replica-count --replication-group-id"
                    + " ${clusterId} --new-replica-count 0 --apply-immediately.")
    void engineVersionSingleNode(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "engine");
        Conditions conditions = new Conditions();
        String engine = cache.engine() == null ? null : cache.engine().toLowerCase(Locale.ROOT);
        List<String> unknown = new ArrayList<>();
        if (engine == null) {
            unknown.add("engine");
        }
        if (cache.majorVersion() == null) {
            unknown.add("engine version");
        }
        if (cache.kind() != CacheTarget.Kind.SERVERLESS && cache.nodeCount() == null) {
            unknown.add("node count");
        }
        conditions.expect(engine == null || isAllowed(engine, thresholds.allowedEngines()), () -> cache.describe()
                + " runs engine " + engine + "; expected " + Texts.join(thresholds.allowedEngines())
                + ", since the app caches with Redis commands (GET, SETEX). Fix: recreate it with `--engine redis`"
                + (thresholds.allowedEngines().contains("valkey") ? "." : ", or ask your instructor to add valkey to"
                + " thresholds.allowedEngines in the rubric."));
        conditions.expect(cache.majorVersion() == null || cache.majorVersion() == thresholds.engineMajorVersion(),
                () -> cache.describe() + " runs engine version " + Texts.orUnknown(cache.engineVersion())
                + "; expected major version " + thresholds.engineMajorVersion() + ", the version the lab is written"
                + " for. Fix: " + modifyCommand(cache, "--engine-version " + thresholds.engineMajorVersion() + ".0")
                + ".");
        if (cache.kind() == CacheTarget.Kind.SERVERLESS) {
            conditions.fail(cache.describe() + " is serverless, so it has no nodes to count; expected "
                    + thresholds.nodeCount() + " node. Fix: create a node-based cluster with"
                    + " `--num-cache-nodes " + thresholds.nodeCount() + "`.");
        } else {
            conditions.expect(cache.nodeCount() == null || cache.nodeCount() == thresholds.nodeCount(),
                    () -> cache.describe() + " has " + cache.nodeCount() + " nodes; expected " + thresholds.nodeCount()
                    + " (0 replicas), which is what the Free Tier covers. Fix: `aws elasticache decrease-replica-count"
                    + " --replication-group-id " + cache.id() + " --new-replica-count " + (thresholds.nodeCount() - 1)
                    + " --apply-immediately`.");
        }
        conditions.verify();
        if (!unknown.isEmpty()) {
            throw new Unverifiable(cache.describe() + " was described without its " + Texts.join(unknown)
                    + " (ElastiCache reported " + Texts.orUnknown(cache.engineVersion()) + " for the version), so"
                    + " it cannot be compared with " + Texts.join(thresholds.allowedEngines()) + " "
                    + thresholds.engineMajorVersion() + " on " + thresholds.nodeCount() + " node.", "Run labcheck"
                    + " again once the cache is available; a replication group's member clusters must be readable"
                    + " with elasticache:DescribeCacheClusters (`aws elasticache describe-cache-clusters"
                    + " --show-cache-node-info`).");
        }
        Report.passed(reporter, cache.describe() + " runs " + engine + " " + cache.engineVersion() + " on "
                + cache.nodeCount() + " node" + (cache.nodeCount() == 1 ? "" : "s") + ".");
    }

    private static boolean isAllowed(String value, List<String> allowed) {
        return value != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value));
    }

    private static String modifyCommand(CacheTarget cache, String change) {
        return cache.kind() == CacheTarget.Kind.REPLICATION_GROUP
                ? "`aws elasticache modify-replication-group --replication-group-id " + cache.id() + " " + change
                        + " --apply-immediately`"
                : "`aws elasticache modify-cache-cluster --cache-cluster-id " + cache.id() + " " + change
                        + " --apply-immediately`";
    }

    private static String notAvailable(CacheTarget cache, String status) {
        String found = cache.describe() + " has status '" + (status.isEmpty() ? "unknown" : status) + "'";
        String expected = "; expected 'available', the only state in which the app can use it";
        String waiter = switch (cache.kind()) {
            case CLUSTER -> "`aws elasticache wait cache-cluster-available --cache-cluster-id " + cache.id() + "`";
            case REPLICATION_GROUP -> "`aws elasticache wait replication-group-available --replication-group-id "
                    + cache.id() + "`";
            case SERVERLESS -> "`aws elasticache describe-serverless-caches --serverless-cache-name " + cache.id() + "`";
        };
        return switch (status) {
            case "creating" -> cache.describe() + " is still being created (status 'creating')" + expected
                    + ". Fix: wait 5-7 minutes (" + waiter + "), then run labcheck again.";
            case "modifying", "snapshotting", "rebooting cluster nodes" -> found + expected
                    + ". Fix: wait for the change to finish (" + waiter + "), then run labcheck again.";
            case "deleting", "deleted" -> found + expected + ". Fix: it is being deleted; create it again (see"
                    + " elasticache_cluster_found).";
            default -> found + expected + ". Fix: if it failed to create, delete it and create it again with a"
                    + " subnet group of private subnets in the app's VPC; otherwise wait (" + waiter
                    + ") and run labcheck again.";
        };
    }
}
