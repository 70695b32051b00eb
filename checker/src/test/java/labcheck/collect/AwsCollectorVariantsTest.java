package labcheck.collect;

import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.RouteTable;
import labcheck.evidence.ServerlessCache;
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

        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId).containsExactly("rtb-0main", "rtb-0public");
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
            assertThat(g.primaryEndpoint()).isEqualTo(new Endpoint(Labs.CLUSTER + ".abc123.ng.0001.use1.cache.amazonaws.com", 6379));
        });
        assertThat(e.cacheClusters().value()).extracting(CacheCluster::cacheClusterId).containsExactly(Labs.CLUSTER + "-001");
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
        assertThat(e.subnets().value()).extracting("subnetId").containsExactly(Labs.PRIVATE_A, Labs.PRIVATE_B);
        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId).containsExactly("rtb-0main");
        assertThat(e.securityGroups().value()).extracting("groupId").containsExactly(Labs.REDIS_SG);
    }

    @Test
    void theOnlyRedisClusterIsUsedWhenNoneHasTheRubricsName() {
        Lab lab = Labs.good().mapCluster(c -> new CacheCluster("my-redis", c.cacheClusterStatus(), c.engine(),
                c.engineVersion(), c.cacheNodeType(), c.numCacheNodes(), c.cacheSubnetGroupName(), c.securityGroupIds(),
                c.cacheNodes(), null, c.preferredAvailabilityZone(), null, null));
        Evidence e = collectLab(lab);

        assertThat(e.cacheClusters().value()).extracting(CacheCluster::cacheClusterId).containsExactly("my-redis");
        assertThat(e.notes()).anyMatch(n -> n.contains("using the only Redis/Valkey cache there, cluster my-redis"));
        assertThat(e.subnets().value()).hasSize(2);
    }

    @Test
    void noMatchingCacheListsWhatExistsAndLeavesTheNetworkUnverifiable() {
        Lab lab = Labs.good();
        CacheCluster c = lab.clusters().get(0);
        CacheCluster memcached = new CacheCluster("sessions", "available", "memcached", "1.6.22", "cache.t3.micro", 1,
                null, null, null, null, null, null, null);
        CacheCluster other = new CacheCluster("other-redis", "available", "redis", "7.1", "cache.t3.micro", 1,
                c.cacheSubnetGroupName(), c.securityGroupIds(), null, null, null, null, null);
        CacheCluster another = new CacheCluster("another-redis", "available", "redis", "7.1", "cache.t3.micro", 1,
                c.cacheSubnetGroupName(), c.securityGroupIds(), null, null, null, null, null);
        Evidence e = collectLab(lab.withClusters(List.of(memcached, other, another)));

        assertThat(e.cacheClusters().value()).isEmpty();
        assertThat(e.notes()).anyMatch(n -> n.contains("No ElastiCache cluster, replication group or serverless cache"
                + " named product-cache-cluster in us-east-1; found cluster sessions (memcached), cluster other-redis"
                + " (redis), cluster another-redis (redis)."));
        assertThat(e.subnets().available()).isFalse();
        assertThat(e.subnets().unavailable().code()).isEqualTo("NotFound");
        assertThat(e.instances().value()).extracting("instanceId").containsExactly("i-0app");
    }

    @Test
    void aSecondVpcWhoseMainTableRoutesToAnInternetGatewayDoesNotLeakIn() {
        Evidence e = collectLab(Labs.otherVpc().plus(Labs.good()));

        assertThat(e.routeTables().value()).extracting(RouteTable::routeTableId).containsExactly("rtb-0main");
        assertThat(e.routeTables().value()).allMatch(t -> t.vpcId().equals(Labs.VPC));
        assertThat(e.subnets().value()).allMatch(s -> s.vpcId().equals(Labs.VPC));
        assertThat(e.instances().value()).extracting("instanceId").containsExactly("i-0app");
    }

    @Test
    void fieldsTheServiceLeavesOutStayUnknownNotEmpty() {
        Lab lab = Labs.good().mapCluster(c -> new CacheCluster(c.cacheClusterId(), "available", "redis", null,
                "cache.t2.micro", null, c.cacheSubnetGroupName(), null, null, null, null, null, null));
        Evidence e = collectLab(lab);

        CacheCluster c = e.cacheClusters().value().get(0);
        assertThat(c.securityGroupIds()).isNull();
        assertThat(c.cacheNodes()).isNull();
        assertThat(c.engineVersion()).isNull();
        assertThat(e.securityGroups().available()).isFalse();
        assertThat(e.securityGroups().unavailable().code()).isEqualTo("NotReported");
        assertThat(e.securityGroups().unavailable().message()).contains("AWS did not report the cache's security groups");
        assertThat(e.subnets().value()).hasSize(2);
    }
}
