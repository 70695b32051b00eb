package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcheck.checks.CheckCatalog;
import labcheck.checks.LabEvidence;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup.IngressRule;
import labcheck.evidence.SecurityGroup;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Common Mistakes" table, and the list (public subnet, SG open to the world,
 * no SG rule, wrong node type, cluster still creating), graded end to end: exact marks, and the
 * exact message of every lost mark.
 */
class CommonMistakesTest {

    private static final Rubric RUBRIC = RubricLoader.load(Path.of("src/test/resources/rubrics/infrastructure.yaml"),
            CheckCatalog.ids());

    private final LabEvidence lab = LabEvidence.correct();

    private Scoresheet grade() {
        Scoresheet sheet = new Grader(RUBRIC, CheckCatalog.index(), CheckHarness.FIXED).grade(lab.build());
        // one dialect: every failed condition of every mistake is a line that says how to fix it
        for (ItemResult item : sheet.items()) {
            for (CheckResult check : item.checks()) {
                if (check.outcome() == Outcome.FAILED || check.outcome() == Outcome.PARTIAL) {
                    assertThat(check.message().lines()).as(check.id()).allMatch(line -> line.contains(" Fix"));
                }
            }
        }
        return sheet;
    }

    private static Map<String, String> lostMarks(Scoresheet sheet) {
        Map<String, String> lost = new LinkedHashMap<>();
        for (ItemResult item : sheet.items()) {
            for (CheckResult check : item.checks()) {
                if (check.marks() < check.max() || check.max() == 0 && check.outcome() != Outcome.PASSED) {
                    lost.put(check.id(), check.message());
                }
            }
        }
        return lost;
    }

    private static List<Double> itemMarks(Scoresheet sheet) {
        return sheet.items().stream().map(ItemResult::marks).toList();
    }

    private void redisRules(IngressRule... rules) {
        lab.securityGroups = new ArrayList<>(lab.securityGroups);
        lab.securityGroups.set(0, new SecurityGroup("sg-redis", "redis-sg", LabEvidence.VPC, List.of(rules)));
    }

    @Test
    void theLabDoneRightEarnsEveryMark() {
        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(6.0);
        assertThat(sheet.max()).isEqualTo(6.0);
        assertThat(lostMarks(sheet)).isEmpty();
        assertThat(sheet.fullMarks()).isTrue();
    }

    @Test
    void redisInAPublicSubnetLosesTheSubnetMark() {
        lab.routeTables = new ArrayList<>(lab.routeTables);
        lab.routeTables.set(0, new RouteTable("rtb-main", LabEvidence.VPC, true, List.of(),
                List.of(LabEvidence.local("10.0.0.0/16"), LabEvidence.igw("0.0.0.0/0", "igw-lab"))));

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(5.0);
        assertThat(itemMarks(sheet)).containsExactly(3.0, 2.0, 0.0, 0.0);
        assertThat(lostMarks(sheet)).containsExactly(entry("elasticache_cluster_in_private_subnets",
                "ElastiCache cluster product-cache-cluster uses subnet subnet-priv-a, whose route table rtb-main (the"
                        + " main route table of vpc-0a1) sends 0.0.0.0/0 to igw-lab; and subnet subnet-priv-b, whose"
                        + " route table rtb-main (the main route table of vpc-0a1) sends 0.0.0.0/0 to igw-lab (subnet"
                        + " group redis-subnet-group); expected private subnets only: a cache in a public subnet is a"
                        + " security risk, one route away from the internet. Fix (the seed's: recreate in private"
                        + " subnets): `aws elasticache create-cache-subnet-group --cache-subnet-group-name"
                        + " redis-subnet-group --cache-subnet-group-description \"Redis subnet group\" --subnet-ids"
                        + " <private-subnet-a> <private-subnet-b>`, then recreate the cluster with"
                        + " `--cache-subnet-group-name redis-subnet-group`."));
    }

    @Test
    void securityGroupOpenToTheWorldInsteadOfTheAppLosesBothSecurityGroupMarks() {
        redisRules(LabEvidence.fromCidr("tcp", 6379, 6379, "0.0.0.0/0"));

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(4.0);
        assertThat(itemMarks(sheet)).containsExactly(4.0, 0.0, 0.0, 0.0);
        assertThat(sheet.items().get(1).status()).isEqualTo(Outcome.FAILED);
        assertThat(lostMarks(sheet)).containsExactly(
                entry("ec2_redis_port_open_only_to_app_sg", "Security group sg-redis (redis-sg) of ElastiCache cluster"
                        + " product-cache-cluster does not allow port 6379 from sg-app, the security group of app"
                        + " instance i-0app (product-api); expected an inbound rule tcp 6379 from it, without which the"
                        + " app's connection to Redis times out. Fix (the seed's: add inbound rule port 6379 from the"
                        + " EC2 SG): `aws ec2 authorize-security-group-ingress --group-id sg-redis --protocol tcp"
                        + " --port 6379 --source-group sg-app`."),
                entry("ec2_redis_port_not_open_to_cidr", "Security group sg-redis of ElastiCache cluster"
                        + " product-cache-cluster allows port 6379 from 0.0.0.0/0 (the whole internet) through rule tcp 6379;"
                        + " expected no address range at all, only the app instance's security group: whoever holds an"
                        + " address in that range can use Redis, which has no password. Fix: `aws ec2"
                        + " revoke-security-group-ingress --group-id sg-redis --ip-permissions"
                        + " 'IpProtocol=tcp,FromPort=6379,ToPort=6379,IpRanges=[{CidrIp=0.0.0.0/0}]'`."));
    }

    @Test
    void securityGroupOpenToTheWorldBesidesTheAppEarnsHalf() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"), LabEvidence.fromCidr("-1", null, null, "0.0.0.0/0"));

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(5.0);
        assertThat(sheet.items().get(1).status()).isEqualTo(Outcome.PARTIAL);
        assertThat(lostMarks(sheet)).containsOnlyKeys("ec2_redis_port_not_open_to_cidr");
        assertThat(lostMarks(sheet).get("ec2_redis_port_not_open_to_cidr")).contains("through rule all traffic")
                .contains("--ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'");
    }

    @Test
    void noSecurityGroupRuleLosesTheAppAccessMark() {
        redisRules();

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(5.0);
        assertThat(itemMarks(sheet)).containsExactly(4.0, 1.0, 0.0, 0.0);
        assertThat(lostMarks(sheet)).containsExactly(entry("ec2_redis_port_open_only_to_app_sg",
                "Security group sg-redis (redis-sg) of ElastiCache cluster product-cache-cluster does not allow port"
                        + " 6379 from sg-app, the security group of app instance i-0app (product-api); expected an"
                        + " inbound rule tcp 6379 from it, without which the app's connection to Redis times out. Fix"
                        + " (the seed's: add inbound rule port 6379 from the EC2 SG): `aws ec2"
                        + " authorize-security-group-ingress --group-id sg-redis --protocol tcp --port 6379"
                        + " --source-group sg-app`."));
    }

    @Test
    void wrongNodeTypeLosesTheNodeTypeMark() {
        lab.clusters = List.of(LabEvidence.cluster("available", "cache.t3.small"));

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(5.0);
        assertThat(itemMarks(sheet)).containsExactly(3.0, 2.0, 0.0, 0.0);
        assertThat(lostMarks(sheet)).containsExactly(entry("elasticache_cluster_node_type_allowed",
                "ElastiCache cluster product-cache-cluster uses node type cache.t3.small; expected cache.t2.micro, the"
                        + " Free Tier node type the lab asks for. Fix: `aws elasticache modify-cache-cluster"
                        + " --cache-cluster-id product-cache-cluster --cache-node-type cache.t2.micro"
                        + " --apply-immediately`, or recreate the cluster with that node type."));
    }

    @Test
    void clusterStillCreatingLosesTheAvailableMarkAndSaysToWait() {
        lab.clusters = List.of(LabEvidence.cluster("creating", "cache.t2.micro"));

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(5.0);
        assertThat(itemMarks(sheet)).containsExactly(3.0, 2.0, 0.0, 0.0);
        assertThat(lostMarks(sheet)).containsExactly(entry("elasticache_cluster_available",
                "ElastiCache cluster product-cache-cluster is still being created (status 'creating'); expected"
                        + " 'available', the only state in which the app can use it. Fix: wait 5-7 minutes (`aws"
                        + " elasticache wait cache-cluster-available --cache-cluster-id product-cache-cluster`), then"
                        + " run labcheck again."));
    }

    @Test
    void noClusterAtAllLosesTheWholeClusterItemAndTheSecurityGroupItem() {
        lab.clusters = List.of();

        Scoresheet sheet = grade();

        assertThat(sheet.total()).isEqualTo(0.0);
        assertThat(sheet.items().get(0).status()).isEqualTo(Outcome.FAILED);
        assertThat(lostMarks(sheet).get("elasticache_cluster_found")).startsWith("No ElastiCache cluster, replication"
                + " group or serverless cache named product-cache-cluster was found in us-east-1; found none.");
        // without the cache, the app instance is still found by the app URL and its information item still passes
        assertThat(sheet.items().get(2).status()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void awsNotCollectedAsksForRegionAndProfileNotForTheLabFix() {
        Scoresheet sheet = new Grader(RUBRIC, CheckCatalog.index(), CheckHarness.FIXED).grade(
                labcheck.evidence.Evidence.empty(lab.build().subject(), "2026-11-26T00:00:00Z"));

        CheckResult found = sheet.items().get(0).checks().get(0);
        assertThat(found.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(found.remediation()).startsWith("Make it verifiable: No AWS region or credentials were given, so nothing was read from AWS:"
                + " run labcheck with --region REGION")
                .doesNotContain("create-cache-cluster");
    }

    @Test
    void aFailedCheckStillShowsTheLabFix() {
        lab.clusters = List.of(LabEvidence.cluster("available", "cache.t3.small"));

        CheckResult nodeType = grade().items().get(0).checks().stream()
                .filter(c -> c.id().equals("elasticache_cluster_node_type_allowed")).findFirst().orElseThrow();
        assertThat(nodeType.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(nodeType.remediation()).contains("--cache-node-type cache.t2.micro");
    }
}
