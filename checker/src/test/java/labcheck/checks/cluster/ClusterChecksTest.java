package labcheck.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.report.Outcome;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class ClusterChecksTest {

    private final LabEvidence lab = LabEvidence.correct();

    @Test
    void clusterFoundPassesForTheLabsClusterId() {
        CheckRun run = CheckHarness.run("elasticache_cluster_found", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("Found ElastiCache cluster product-cache-cluster in us-east-1.");
    }

    @Test
    void clusterFoundFailsWhenNothingIsFoundAndSaysWhatWasLookedForAndWhere() {
        // two other Redis clusters: neither is taken for the lab's
        CacheCluster mine = CacheCluster.builder().cacheClusterId("my-redis").cacheClusterStatus("available")
                .engine("redis")
                .engineVersion("7.0.7").cacheNodeType("cache.t2.micro").numCacheNodes(1)
                .cacheSubnetGroupName("redis-subnet-group").securityGroupIds(List.of("sg-redis"))
                .cacheNodes(List.of()).build();
        lab.clusters = List.of(mine, mine.toBuilder().cacheClusterId("other-redis").build());

        CheckRun run = CheckHarness.run("elasticache_cluster_found", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("No ElastiCache cluster, replication group or serverless cache named"
                + " product-cache-cluster was found in us-east-1; found cluster my-redis and cluster other-redis.")
                .contains("aws elasticache create-cache-cluster --cache-cluster-id product-cache-cluster")
                .endsWith(".");
    }

    @Test
    void clusterFoundFailsWithNoClustersAtAll() {
        lab.clusters = List.of();

        CheckRun run = CheckHarness.run("elasticache_cluster_found", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("was found in us-east-1; found none.");
    }

    @Test
    void consoleMadeReplicationGroupWithMemberDash001Counts() {
        CacheCluster member = LabEvidence.cluster("available", "cache.t2.micro");
        member = member.toBuilder().cacheClusterId("product-cache-cluster-001")
                .replicationGroupId("product-cache-cluster").build();
        lab.clusters = List.of(member);
        lab.replicationGroups = List.of(ReplicationGroup.builder().replicationGroupId("product-cache-cluster")
                .status("available")
                .memberClusters(List.of("product-cache-cluster-001"))
                .cacheNodeType("cache.t2.micro").clusterEnabled(false).engine("redis").build());

        CheckRun found = CheckHarness.run("elasticache_cluster_found", lab.build());
        CheckRun nodeType = CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build());
        CheckRun single = CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build());

        assertThat(found.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(found.message()).isEqualTo("Found ElastiCache replication group product-cache-cluster in us-east-1"
                + " (as the console makes it), member clusters product-cache-cluster-001.");
        assertThat(nodeType.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(single.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void replicationGroupMembersAloneAreEnoughWhenGroupsCouldNotBeListed() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(c.toBuilder().cacheClusterId("product-cache-cluster-001").engineVersion("7.1.0")
                .replicationGroupId("product-cache-cluster").build());
        lab.denied = "replicationGroups";

        CheckRun run = CheckHarness.run("elasticache_cluster_available", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void serverlessCacheIsFoundButExplainedAsHavingNoNodeType() {
        lab.clusters = List.of();
        lab.serverless = List.of(ServerlessCache.builder().serverlessCacheName("product-cache-cluster")
                .status("available")
                .engine("redis").majorEngineVersion("7")
                .subnetIds(List.of("subnet-priv-a", "subnet-priv-b"))
                .securityGroupIds(List.of("sg-redis")).build());

        CheckRun found = CheckHarness.run("elasticache_cluster_found", lab.build());
        CheckRun nodeType = CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build());
        CheckRun single = CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build());

        assertThat(found.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(found.message()).contains("a serverless cache has no node type");
        assertThat(nodeType.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(nodeType.message()).startsWith("ElastiCache Serverless cache product-cache-cluster is serverless,"
                + " and a serverless cache has no node type; expected a node-based cluster of type cache.t2.micro");
        assertThat(single.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(single.message()).contains("has no nodes to count");
    }

    @Test
    void clusterAvailablePasses() {
        assertThat(CheckHarness.run("elasticache_cluster_available", lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void clusterStillCreatingIsExplainedWithTheWaiter() {
        lab.clusters = List.of(LabEvidence.cluster("creating", "cache.t2.micro"));

        CheckRun run = CheckHarness.run("elasticache_cluster_available", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster is still being created (status"
                + " 'creating'); expected 'available', the only state in which the app can use it. Fix: wait 5-7"
                + " minutes (`aws elasticache wait cache-cluster-available --cache-cluster-id product-cache-cluster`),"
                + " then run labcheck again.");
    }

    @Test
    void clusterAvailableFailsWhenNotFound() {
        lab.clusters = List.of();

        CheckRun run = CheckHarness.run("elasticache_cluster_available", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster was not found in us-east-1, so"
                + " its status cannot be checked; see check elasticache_cluster_found for what to create. Fix: create"
                + " it (`aws elasticache create-cache-cluster --cache-cluster-id product-cache-cluster --engine redis"
                + " --cache-node-type cache.t2.micro --num-cache-nodes 1`), then run labcheck again once it is"
                + " available.");
    }

    @Test
    void clusterChecksAreUnverifiableWhenClustersCouldNotBeListed() {
        lab.denied = "cacheClusters";

        CheckRun run = CheckHarness.run("elasticache_cluster_found", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).isEqualTo("AccessDenied on elasticache:DescribeCacheClusters: grant"
                + " elasticache:DescribeCacheClusters to the identity labcheck runs as (see `labcheck policy`).");
    }

    @Test
    void nodeTypePasses() {
        assertThat(CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build()).outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void wrongNodeTypeFailsWithTheModifyCommand() {
        lab.clusters = List.of(LabEvidence.cluster("available", "cache.m5.large"));

        CheckRun run = CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster uses node type cache.m5.large;"
                + " expected cache.t2.micro, the Free Tier node type the lab asks for. Fix: `aws elasticache"
                + " modify-cache-cluster --cache-cluster-id product-cache-cluster --cache-node-type cache.t2.micro"
                + " --apply-immediately`, or recreate the cluster with that node type.");
    }

    @Test
    void nodeTypeFailsWhenNotFound() {
        lab.clusters = List.of();

        assertThat(CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build()).outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void nodeTypeAllowedFollowsTheRubricsThreshold() {
        lab.clusters = List.of(LabEvidence.cluster("available", "cache.t3.micro"));
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds t3 = new Thresholds(seed.clusterId(), List.of("cache.t2.micro", "cache.t3.micro"),
                seed.allowedEngines(), 7, 1, 6379, 3600, 50, 80, 100, 1000, 0, 100);

        assertThat(CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build(), t3).outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void engineVersionSingleNodePasses() {
        CheckRun run = CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster runs redis 7.0.7 on 1 node.");
    }

    @Test
    void engineVersionSingleNodeReportsEveryWrongConditionAtOnce() {
        lab.clusters = List.of(CacheCluster.builder().cacheClusterId("product-cache-cluster")
                .cacheClusterStatus("available")
                .engine("memcached").engineVersion("1.6.17").cacheNodeType("cache.t2.micro")
                .numCacheNodes(2).cacheSubnetGroupName("redis-subnet-group")
                .securityGroupIds(List.of("sg-redis")).cacheNodes(List.of()).build());

        CheckRun run = CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message().lines()).hasSize(3);
        assertThat(run.message()).contains("runs engine memcached; expected redis")
                .contains("runs engine version 1.6.17; expected major version 7")
                .contains("has 2 nodes; expected 1 (0 replicas)");
    }

    @Test
    void engineVersionSingleNodeFailsWhenNotFound() {
        lab.clusters = List.of();

        assertThat(CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build()).outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void valkeyPassesOnlyWhenTheRubricAllowsIt() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(CacheCluster.builder().cacheClusterId(c.cacheClusterId()).cacheClusterStatus("available")
                .engine("valkey").engineVersion("7.2.4").cacheNodeType("cache.t2.micro")
                .numCacheNodes(1).cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).cacheNodes(c.cacheNodes()).build());
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds valkey = new Thresholds(seed.clusterId(), seed.allowedNodeTypes(), List.of("redis", "valkey"),
                7, 1, 6379, 3600, 50, 80, 100, 1000, 0, 100);

        assertThat(CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build()).message())
                .contains("or ask your instructor to add valkey to thresholds.allowedEngines");
        assertThat(CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build(), valkey).outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void aReplicationGroupWhoseMembersReportNoVersionIsUnverifiableNotFailed() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(c.toBuilder().cacheClusterId("product-cache-cluster-001").engineVersion(null)
                .replicationGroupId("product-cache-cluster").preferredAvailabilityZone(null)
                .transitEncryptionEnabled(null).authTokenEnabled(null).build());
        lab.replicationGroups = List.of(ReplicationGroup.builder().replicationGroupId("product-cache-cluster")
                .status("available").memberClusters(List.of("product-cache-cluster-001"))
                .cacheNodeType("cache.t2.micro").clusterEnabled(false).engine("redis").build());

        CheckRun run = CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).contains("replication group product-cache-cluster was described without its engine"
                + " version");
        assertThat(run.howToVerify()).contains("elasticache:DescribeCacheClusters");
    }

    @Test
    void aKnownWrongEngineStillFailsWhenTheVersionIsUnknown() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(c.toBuilder().engine("memcached").engineVersion(null).preferredAvailabilityZone(null)
                .transitEncryptionEnabled(null).authTokenEnabled(null).build());

        assertThat(CheckHarness.run("elasticache_cluster_engine_version_single_node", lab.build()).outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void anUnknownStatusOrNodeTypeIsUnverifiable() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(c.toBuilder().cacheClusterStatus(null).cacheNodeType(null)
                .preferredAvailabilityZone(null).transitEncryptionEnabled(null).authTokenEnabled(null).build());

        assertThat(CheckHarness.run("elasticache_cluster_available", lab.build()).outcome())
                .isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(CheckHarness.run("elasticache_cluster_node_type_allowed", lab.build()).outcome())
                .isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void aClusterUnderAnotherNameIsGradedAndOnlyTheNameCheckFails() {
        CacheCluster c = LabEvidence.cluster("available", "cache.t2.micro");
        lab.clusters = List.of(c.toBuilder().cacheClusterId("my-redis").preferredAvailabilityZone(null)
                .transitEncryptionEnabled(null).authTokenEnabled(null).build());
        lab.alarms = List.of(LabEvidence.hitRateAlarm("LessThanThreshold", 80.0, "my-redis"));

        Map<String, CheckRun> runs = CheckHarness.gradeAll(lab.build());

        assertThat(CheckHarness.notPassed(runs).entrySet()).filteredOn(e -> !e.getKey().startsWith("app_")
                && !e.getKey().startsWith("redis_")).extracting(Map.Entry::getKey)
                .containsExactly("elasticache_cluster_found");
        assertThat(runs.get("elasticache_cluster_found").message()).contains("No ElastiCache cache carries the lab's"
                + " id product-cache-cluster in us-east-1; the only Redis cache there, ElastiCache cluster my-redis,"
                + " was graded in its place");
    }
}
