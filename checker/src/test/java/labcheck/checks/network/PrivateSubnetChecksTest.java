package labcheck.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.RouteTable;
import labcheck.evidence.ServerlessCache;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class PrivateSubnetChecksTest {

    private static final String ID = "elasticache_cluster_in_private_subnets";

    private final LabEvidence lab = LabEvidence.correct();

    @Test
    void privateSubnetsPassEvenWithANatGatewayDefaultRoute() {
        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster sits in private subnets"
                + " subnet-priv-a and subnet-priv-b: none routes 0.0.0.0/0 or ::/0 to an internet gateway.");
        assertThat(run.details()).contains("subnet-priv-a (vpc-0a1): route table rtb-main (the main route table of"
                + " vpc-0a1) has no route for 0.0.0.0/0 or ::/0 to an internet gateway -> private");
    }

    @Test
    void publicSubnetFailsWhenMainRouteTableHasInternetGateway() {
        lab.routeTables = new ArrayList<>(lab.routeTables);
        lab.routeTables.set(0, new RouteTable("rtb-main", LabEvidence.VPC, true, List.of(),
                List.of(LabEvidence.local("10.0.0.0/16"), LabEvidence.igw("0.0.0.0/0", "igw-lab"))));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("ElastiCache cluster product-cache-cluster uses subnet subnet-priv-a,"
                + " whose route table rtb-main (the main route table of vpc-0a1) sends 0.0.0.0/0 to igw-lab; and"
                + " subnet subnet-priv-b, whose route table rtb-main (the main route table of vpc-0a1) sends 0.0.0.0/0"
                + " to igw-lab (subnet group redis-subnet-group); expected private subnets only");
    }

    @Test
    void explicitAssociationDecidesOverTheMainTable() {
        lab.subnetGroups = List.of(new CacheSubnetGroup("redis-subnet-group", LabEvidence.VPC,
                List.of("subnet-priv-a", "subnet-pub-a")));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("subnet subnet-pub-a, whose route table rtb-public (explicitly associated)"
                + " sends 0.0.0.0/0 to igw-lab").doesNotContain("subnet-priv-a,");
    }

    @Test
    void anotherVpcsPublicMainTableNeverDecides() {
        // the lab VPC's main table is missing from the evidence; the default VPC's public one must not be used
        lab.routeTables = new ArrayList<>(lab.routeTables.subList(1, 3));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).isEqualTo("No route table in the evidence applies to subnet subnet-priv-a and"
                + " subnet-priv-b of ElastiCache cluster product-cache-cluster (no explicit association and no main"
                + " route table of vpc-0a1); collect route tables with ec2:DescribeRouteTables.");
    }

    @Test
    void ipv6DefaultRouteToInternetGatewayIsPublic() {
        lab.routeTables = new ArrayList<>(lab.routeTables);
        lab.routeTables.set(0, new RouteTable("rtb-main", LabEvidence.VPC, true, List.of(),
                List.of(LabEvidence.nat("0.0.0.0/0"), LabEvidence.igw6("igw-lab"))));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("sends ::/0 to igw-lab");
    }

    @Test
    void aBlackholeRouteToADeletedGatewayDoesNotMakeASubnetPublic() {
        lab.routeTables = new ArrayList<>(lab.routeTables);
        lab.routeTables.set(0, new RouteTable("rtb-main", LabEvidence.VPC, true, List.of(), List.of(
                new RouteTable.Route("0.0.0.0/0", null, null, "igw-gone", null, null, null, null, null, null,
                        "blackhole"))));

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void failsWhenNoClusterIsFound() {
        lab.clusters = List.of();

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void unverifiableWhenRouteTablesAreDenied() {
        lab.denied = "routeTables";

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).startsWith("AccessDenied on ec2:DescribeRouteTables");
    }

    @Test
    void serverlessCacheIsJudgedByItsOwnSubnets() {
        lab.clusters = List.of();
        lab.serverless = List.of(ServerlessCache.builder().serverlessCacheName("product-cache-cluster")
                .status("available")
                .engine("redis").majorEngineVersion("7").subnetIds(List.of("subnet-pub-a"))
                .securityGroupIds(List.of("sg-redis")).build());

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("ElastiCache Serverless cache product-cache-cluster uses subnet"
                + " subnet-pub-a, whose route table rtb-public (explicitly associated) sends 0.0.0.0/0 to igw-lab;");
    }
}
