package labcheck.collect;

import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import labcheck.checks.support.Routing;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.RouteTable;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subnet;
import labcheck.checks.CheckCatalog;
import labcheck.report.Outcome;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import labcheck.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each "Common Mistake" and each way a student makes the cache reaches the evidence as AWS reports it. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsCollectorVariantsTest {

    private static Evidence collectLab(Lab lab) {
        try (FakeAws aws = FakeAws.start(lab)) {
            return collect(aws, aws.settings().build());
        }
    }

    @Test
    void publicSubnetShowsTheExplicitlyAssociatedTableWithItsInternetGatewayRoute() {
        Evidence e = collectLab(Labs.publicSubnet());

        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-0main", "rtb-0public");
        RouteTable publicTable = e.routeTables().value().get(1);
        assertThat(publicTable.associatedSubnetIds()).contains(Labs.PRIVATE_A);
        assertThat(publicTable.routes()).anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())
                && "igw-0lab".equals(r.gatewayId()));
    }

    @Test
    void securityGroupOpenToTheWorldIsRecordedWithItsRanges() {
        Evidence e = collectLab(Labs.openToWorld());

        var rule = e.securityGroups().value().get(0).ingressRules().get(0);
        assertThat(rule.ipv4Ranges()).containsExactly("0.0.0.0/0");
        assertThat(rule.ipv6Ranges()).containsExactly("::/0");
        assertThat(rule.referencedGroupIds()).isNull();
        assertThat(rule.fromPort()).isEqualTo(6379);
    }

    @Test
    void securityGroupWithoutRulesIsAnEmptyListNotUnknown() {
        Evidence e = collectLab(Labs.noRule());

        assertThat(e.securityGroups().value().get(0).ingressRules()).isNotNull().isEmpty();
        assertThat(e.notes()).noneMatch(n -> n.contains("port 6379 rule allows"));
    }

    @Test
    void wrongNodeTypeIsRecordedAsIs() {
        assertThat(collectLab(Labs.wrongNodeType()).cacheClusters().value().get(0).cacheNodeType())
                .isEqualTo("cache.r6g.large");
    }

    @Test
    void clusterStillCreatingHasItsStatusAndAnUnknownEndpoint() {
        CacheCluster c = collectLab(Labs.creating()).cacheClusters().value().get(0);

        assertThat(c.cacheClusterStatus()).isEqualTo("creating");
        assertThat(c.cacheNodes().get(0).endpoint()).isNull();
    }

    @Test
    void consoleReplicationGroupIsFoundWithItsMemberCluster() {
        Evidence e = collectLab(Labs.consoleReplicationGroup());

        assertThat(e.replicationGroups().value()).singleElement().satisfies(g -> {
            assertThat(g.replicationGroupId()).isEqualTo(Labs.CLUSTER);
            assertThat(g.memberClusters()).containsExactly(Labs.CLUSTER + "-001");
            assertThat(g.primaryEndpoint())
                    .isEqualTo(new Endpoint(Labs.CLUSTER + ".abc123.ng.0001.use1.cache.amazonaws.com", 6379));
        });
        assertThat(e.cacheClusters().value()).extracting(CacheCluster::cacheClusterId)
                .containsExactly(Labs.CLUSTER + "-001");
        assertThat(e.cacheSubnetGroups().value()).hasSize(1);
        assertThat(e.securityGroups().value()).hasSize(1);
        assertThat(e.notes()).anyMatch(n -> n.contains("Found replication group product-cache-cluster"));
    }

    @Test
    void serverlessCacheIsFoundAndItsSubnetsComeFromTheCacheItself() {
        Evidence e = collectLab(Labs.serverless());

        assertThat(e.serverlessCaches().value()).extracting(ServerlessCache::engine).containsExactly("valkey");
        assertThat(e.cacheClusters().value()).isEmpty();
        assertThat(e.cacheSubnetGroups().value()).isEmpty();
        assertThat(e.subnets().value()).extracting("subnetId").containsExactly(Labs.PRIVATE_A, Labs.PRIVATE_B,
                Labs.PUBLIC_A);
        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId).containsExactly("rtb-0main",
                "rtb-0public");
        assertThat(e.securityGroups().value()).extracting("groupId").containsExactly(Labs.REDIS_SG);
    }

    @Test
    void theOnlyRedisClusterIsUsedWhenNoneHasTheRubricsName() {
        Lab lab = Labs.good().mapCluster(c -> CacheCluster.builder().cacheClusterId("my-redis")
                .cacheClusterStatus(c.cacheClusterStatus())
                .engine(c.engine()).engineVersion(c.engineVersion())
                .cacheNodeType(c.cacheNodeType()).numCacheNodes(c.numCacheNodes())
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).cacheNodes(c.cacheNodes())
                .preferredAvailabilityZone(c.preferredAvailabilityZone()).build());
        Evidence e = collectLab(lab);

        assertThat(e.cacheClusters().value()).extracting(CacheCluster::cacheClusterId).containsExactly("my-redis");
        assertThat(e.notes()).anyMatch(n -> n.contains("using the only Redis/Valkey cache there, cluster my-redis"));
        // the cache's two private subnets and the app host's public one
        assertThat(e.subnets().value()).hasSize(3);
    }

    @Test
    void noMatchingCacheListsWhatExistsAndLeavesTheNetworkUnverifiable() {
        Lab lab = Labs.good();
        CacheCluster c = lab.clusters().get(0);
        CacheCluster memcached = CacheCluster.builder().cacheClusterId("sessions").cacheClusterStatus("available")
                .engine("memcached").engineVersion("1.6.22").cacheNodeType("cache.t3.micro")
                .numCacheNodes(1).build();
        CacheCluster other = CacheCluster.builder().cacheClusterId("other-redis")
                .cacheClusterStatus("available").engine("redis")
                .engineVersion("7.1").cacheNodeType("cache.t3.micro").numCacheNodes(1)
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).build();
        CacheCluster another = CacheCluster.builder().cacheClusterId("another-redis").cacheClusterStatus("available")
                .engine("redis").engineVersion("7.1").cacheNodeType("cache.t3.micro")
                .numCacheNodes(1).cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).build();
        Evidence e = collectLab(lab.withClusters(List.of(memcached, other, another)));

        assertThat(e.cacheClusters().value()).isEmpty();
        assertThat(e.notes()).anyMatch(n -> n.contains("No ElastiCache cluster, replication group or serverless cache"
                + " named product-cache-cluster in us-east-1; found cluster sessions (memcached), cluster other-redis"
                + " (redis), cluster another-redis (redis)."));
        assertThat(e.cacheSubnetGroups().unavailable().code()).isEqualTo("NotFound");
        assertThat(e.securityGroups().unavailable().code()).isEqualTo("NotFound");
        // the app host's own subnet is still described, independently of the cache
        assertThat(e.subnets().value()).extracting(Subnet::subnetId).containsExactly(Labs.PUBLIC_A);
        assertThat(e.instances().value()).extracting("instanceId").containsExactly("i-0app");
    }

    @Test
    void anAccountWithoutACacheStillGetsTheAppInstancesPublicSubnetVerdict() {
        Evidence e = collectLab(Labs.good().withClusters(List.of()));

        assertThat(e.cacheClusters().value()).isEmpty();
        assertThat(e.subnets().value()).extracting(Subnet::subnetId).containsExactly(Labs.PUBLIC_A);
        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId).containsExactly("rtb-0public");
        CheckRun ec2 = CheckHarness.run("ec2_app_instance_in_public_subnet", e);
        assertThat(ec2.outcome()).as(ec2.message()).isEqualTo(Outcome.PASSED);
        assertThat(CheckHarness.run("elasticache_cluster_found", e).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aClusterUnderAnotherNameLosesOnlyTheNameCheck() {
        Lab lab = Labs.good().mapCluster(c -> c.toBuilder().cacheClusterId("my-redis").replicationGroupId(null)
                .transitEncryptionEnabled(null).authTokenEnabled(null).build());
        Evidence e = collectLab(lab);

        Map<String, Outcome> lost = CheckHarness.notPassed(CheckHarness.gradeAll(e));
        assertThat(lost.keySet()).filteredOn(id -> !id.startsWith("app_") && !id.startsWith("redis_")
                && !id.startsWith("cloudwatch_") && !id.startsWith("cloudtrail_"))
                .containsExactly("elasticache_cluster_found");
        // the scoresheet's header names the cache that was graded
        Scoresheet sheet = CheckCatalog.grader(RubricLoader.shipped(CheckCatalog.ids())).grade(e);
        assertThat(sheet.student().gradedCache()).isEqualTo("my-redis");
        assertThat(Reports.withTemplates(null).terminal(sheet, false))
                .contains("Graded     my-redis (the only Redis cache; none carries the lab's id)");
        assertThat(sheet.items().get(0).marks()).isEqualTo(3.5);
    }

    @Test
    void aSecondVpcWhoseMainTableRoutesToAnInternetGatewayDoesNotLeakIn() {
        Evidence e = collectLab(Labs.otherVpc().plus(Labs.good()));

        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-0main", "rtb-0public");
        assertThat(e.routeTables().value()).allMatch(t -> t.vpcId().equals(Labs.VPC));
        assertThat(e.subnets().value()).allMatch(s -> s.vpcId().equals(Labs.VPC));
        assertThat(e.instances().value()).extracting("instanceId").containsExactly("i-0app");
    }

    @Test
    void fieldsTheServiceLeavesOutStayUnknownNotEmpty() {
        Lab lab = Labs.good().mapCluster(c -> CacheCluster.builder().cacheClusterId(c.cacheClusterId())
                .cacheClusterStatus("available")
                .engine("redis").cacheNodeType("cache.t2.micro")
                .cacheSubnetGroupName(c.cacheSubnetGroupName()).build());
        Evidence e = collectLab(lab);

        CacheCluster c = e.cacheClusters().value().get(0);
        assertThat(c.securityGroupIds()).isNull();
        assertThat(c.cacheNodes()).isNull();
        assertThat(c.engineVersion()).isNull();
        assertThat(e.securityGroups().available()).isFalse();
        assertThat(e.securityGroups().unavailable().code()).isEqualTo("NotReported");
        assertThat(e.securityGroups().unavailable().message())
                .contains("AWS did not report the cache's security groups");
        // the cache's two private subnets and the app host's public one
        assertThat(e.subnets().value()).hasSize(3);
    }

    @Test
    void appHostsSubnetAndTheTableExplicitlyAssociatedWithItAreCollected() {
        Evidence e = collectLab(Labs.good());

        assertThat(e.subnets().value()).extracting(Subnet::subnetId).contains(Labs.PUBLIC_A);
        RouteTable publicTable = e.routeTables().value().stream()
                .filter(t -> t.routeTableId().equals("rtb-0public")).findFirst().orElseThrow();
        assertThat(publicTable.associatedSubnetIds()).containsExactly(Labs.PUBLIC_A);
        Routing.Verdict v = Routing.judge(e, Labs.PUBLIC_A, null).orElseThrow();
        assertThat(v.table().routeTableId()).isEqualTo("rtb-0public");
        assertThat(v.explicit()).isTrue();
        assertThat(v.isPublic()).isTrue();
    }

    @Test
    void appHostInASecondVpcIsJudgedByThatVpcsOwnMainTable() {
        Lab good = Labs.good();
        Lab other = Labs.otherVpc();
        Ec2Instance app = Ec2Instance.builder().instanceId("i-0app").name("product-api").state("running")
                .instanceType("t2.micro").vpcId("vpc-0default").subnetId("subnet-0def")
                .publicIpAddress(Labs.APP_IP).privateIpAddress("172.31.0.10")
                .securityGroupIds(List.of(Labs.APP_SG)).build();
        RouteTable unrelated = new RouteTable("rtb-0defother", "vpc-0default", false, List.of("subnet-0def2"),
                List.of(Labs.route("172.31.0.0/16", "local", null)));
        Lab lab = new Lab(good.clusters(), good.groups(), good.serverless(), good.subnetGroups(),
                concat(good.subnets(), other.subnets()), concat(good.routeTables(), other.routeTables(),
                        List.of(unrelated)),
                good.securityGroups(), List.of(app), good.dbs(), good.alarms());

        Evidence e = collectLab(lab);

        assertThat(e.instances().value()).extracting(Ec2Instance::instanceId).containsExactly("i-0app");
        assertThat(e.subnets().value()).extracting(Subnet::subnetId)
                .containsExactly("subnet-0def", Labs.PRIVATE_A, Labs.PRIVATE_B);
        // each subnet's own VPC's main table: the lab VPC's for the cache, the default VPC's for the app
        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-0defmain", "rtb-0main");
        Routing.Verdict app0 = Routing.judge(e, "subnet-0def", null).orElseThrow();
        assertThat(app0.table().routeTableId()).isEqualTo("rtb-0defmain");
        assertThat(app0.isPublic()).isTrue();
        assertThat(Routing.judge(e, Labs.PRIVATE_A, Labs.VPC).orElseThrow().table().routeTableId())
                .isEqualTo("rtb-0main");
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
