package labcheck.collect;

import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import labcheck.checks.CheckCatalog;
import labcheck.checks.support.Routing;
import labcheck.engine.Grader;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.RouteTable;
import labcheck.report.ItemResult;
import labcheck.report.Outcome;
import labcheck.rubric.RubricLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab built in moto with the SDK, then collected through the read-only clients. moto's
 * DescribeCacheClusters leaves out SecurityGroups and CacheNodes and always says "available":
 * the evidence must say "not reported", never "no security groups".
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsCollectorMotoTest {

    private static MotoServer moto;
    private static MotoLab lab;
    private static Evidence evidence;

    @BeforeAll
    static void buildLabInMotoAndCollect() throws Exception {
        FakeAws.useFakeCredentials();
        moto = MotoServer.startOrSkip();
        lab = MotoLab.create(moto.url());
        AwsSettings settings = AwsSettings.builder().region("us-east-1").endpointUrl(moto.url())
                .clusterId(Labs.CLUSTER).appUrl("http://" + lab.publicIp + ":5001").build();
        evidence = collect(null, settings);
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void callerIdentityComesFromSts() {
        assertThat(evidence.identity().value().account()).isEqualTo("123456789012");
    }

    @Test
    void clusterIsFoundWithItsNodeTypeAndSubnetGroup() {
        CacheCluster c = evidence.cacheClusters().value().get(0);
        assertThat(c.cacheClusterId()).isEqualTo(Labs.CLUSTER);
        assertThat(c.cacheNodeType()).isEqualTo("cache.t2.micro");
        assertThat(c.engine()).isEqualTo("redis");
        assertThat(c.cacheSubnetGroupName()).isEqualTo("redis-subnet-group");
    }

    @Test
    void securityGroupsMotoLeavesOutAreUnknownNotEmpty() {
        assertThat(evidence.cacheClusters().value().get(0).securityGroupIds()).isNull();
        assertThat(evidence.securityGroups().available()).isFalse();
        assertThat(evidence.securityGroups().unavailable().code()).isEqualTo("NotReported");
    }

    @Test
    void privateSubnetsUseTheVpcsMainTableWithoutAnInternetGateway() {
        assertThat(evidence.subnets().value()).extracting("subnetId")
                .containsExactlyInAnyOrder(lab.privateA, lab.privateB, lab.publicSubnet);
        for (String subnet : java.util.List.of(lab.privateA, lab.privateB)) {
            Routing.Verdict v = Routing.judge(evidence, subnet, lab.vpcId).orElseThrow();
            assertThat(v.table().main()).isTrue();
            assertThat(v.table().vpcId()).isEqualTo(lab.vpcId);
            assertThat(v.isPublic()).isFalse();
        }
        assertThat(evidence.routeTables().value()).filteredOn(t -> Boolean.TRUE.equals(t.main())).singleElement()
                .satisfies(t -> assertThat(t.routes())
                        .noneMatch(r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-")));
    }

    @Test
    void appHostsSubnetIsJudgedByItsExplicitlyAssociatedPublicTable() {
        assertThat(evidence.routeTables().value()).extracting(RouteTable::routeTableId).contains(lab.publicTable)
                .hasSize(2);
        Routing.Verdict v = Routing.judge(evidence, lab.publicSubnet, null).orElseThrow();
        assertThat(v.table().routeTableId()).isEqualTo(lab.publicTable);
        assertThat(v.explicit()).isTrue();
        assertThat(v.isPublic()).isTrue();
    }

    @Test
    void appHostIsRecognisedByItsPublicIp() {
        assertThat(evidence.instances().value()).extracting("instanceId").contains(lab.instanceId);
        assertThat(evidence.notes()).anyMatch(n -> n.startsWith("App host: EC2 instance " + lab.instanceId));
    }

    @Test
    void callsMotoDoesNotImplementAreUnavailableWithAReasonNotACrash() {
        assertThat(evidence.serverlessCaches().available()).isFalse();
        assertThat(evidence.serverlessCaches().unavailable().action()).isEqualTo("elasticache:DescribeServerlessCaches");
        // moto 5.2.1 does not speak CloudWatch's RPCv2 CBOR protocol (HTTP 404); real CloudWatch does.
        assertThat(evidence.alarms().available()).isFalse();
        assertThat(evidence.alarms().unavailable().message()).contains("cloudwatch:DescribeAlarms").endsWith(".");
    }

    @Test
    void rdsInstanceIsCollectedWithoutAnySecret() {
        assertThat(evidence.dbInstances().value()).extracting("dbInstanceIdentifier").contains("products-db");
        assertThat(EvidenceBundle.toJson(evidence)).doesNotContain("not-a-real-password-1");
    }

    @Test
    void theCollectedBundleGradesOfflineToTheMarksMotoLetsUsProve(@TempDir Path dir) {
        // WHEN the bundle collect writes is graded offline with the shipped rubric
        EvidenceBundle.write(dir, evidence);
        var sheet = CheckCatalog.grader(RubricLoader.shipped(CheckCatalog.ids()))
                .grade(EvidenceBundle.read(dir));

        // THEN the cluster earns its 4 marks, and the security group, which moto does not report for a
        // cluster, is unverifiable (no marks, the reason given), never passed or failed on a guess
        var items = sheet.items().stream().collect(Collectors.toMap(ItemResult::id, i -> i));
        assertThat(items.get("cluster").marks()).isEqualTo(4.0);
        assertThat(items.get("security-group").status()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(items.get("security-group").checks()).allSatisfy(c -> assertThat(c.message()).contains("report"));
    }
}
