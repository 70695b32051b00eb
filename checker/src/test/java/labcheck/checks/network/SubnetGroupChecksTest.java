package labcheck.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Subnet;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class SubnetGroupChecksTest {

    private static final String ID = "elasticache_subnet_group_multi_az";

    private final LabEvidence lab = LabEvidence.correct();

    @Test
    void subnetsInTwoZonesPass() {
        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("ElastiCache cluster product-cache-cluster uses subnets in 2"
                + " availability zones: us-east-1a and us-east-1b.");
        assertThat(run.details()).isEqualTo("subnet-priv-a: us-east-1a\nsubnet-priv-b: us-east-1b");
    }

    @Test
    void subnetsAllInOneZoneFailNamingTheSubnetsAndTheZone() {
        lab.subnets = new ArrayList<>(lab.subnets);
        lab.subnets.replaceAll(s -> s.subnetId().equals("subnet-priv-b")
                ? new Subnet("subnet-priv-b", s.vpcId(), "us-east-1a", s.cidrBlock(), s.mapPublicIpOnLaunch()) : s);

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("ElastiCache cluster product-cache-cluster uses subnets subnet-priv-a"
                + " and subnet-priv-b, all in availability zone us-east-1a; expected private subnets in at least two"
                + " zones").endsWith("Fix: `aws elasticache modify-cache-subnet-group --cache-subnet-group-name"
                + " redis-subnet-group --subnet-ids subnet-priv-a subnet-priv-b <private-subnet-in-another-zone>`.");
    }

    @Test
    void noCacheFoundFailsPointingToTheFoundCheck() {
        lab.clusters = List.of();

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("was not found in us-east-1").contains("elasticache_cluster_found");
    }

    @Test
    void subnetsThatCouldNotBeDescribedAreUnverifiableNamingThePermission() {
        lab.denied = "subnets";

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).contains("ec2:DescribeSubnets");
    }

    @Test
    void aSubnetMissingFromTheEvidenceIsUnverifiableWhenTheOthersShareOneZone() {
        lab.subnets = new ArrayList<>(lab.subnets);
        lab.subnets.removeIf(s -> s.subnetId().equals("subnet-priv-b"));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).contains("subnet subnet-priv-b").contains("ec2:DescribeSubnets");
    }

    @Test
    void noneOfTheSubnetsInTheEvidenceIsUnverifiableNotALabcheckError() {
        // nothing to show the judge: an empty excerpt must not break the check
        lab.subnets = new ArrayList<>(lab.subnets);
        lab.subnets.removeIf(s -> s.subnetId().startsWith("subnet-priv-"));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).contains("subnet subnet-priv-a and subnet-priv-b");
        assertThat(run.details()).isNull();
    }
}
