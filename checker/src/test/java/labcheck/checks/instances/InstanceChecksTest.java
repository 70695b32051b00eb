package labcheck.checks.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Ec2Instance;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class InstanceChecksTest {

    private static final String ID = "ec2_app_instance_in_public_subnet";

    private final LabEvidence lab = LabEvidence.correct();

    @Test
    void appInstanceInPublicSubnetWithPublicIpPasses() {
        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("EC2 instance i-0app (product-api) sits in public subnet subnet-pub-a with"
                + " public IP 54.1.2.3.");
    }

    @Test
    void privateSubnetAndNoPublicIpAreBothReported() {
        lab.instances = List.of(Ec2Instance.builder().instanceId("i-0app").name("product-api").state("running")
                .instanceType("t2.micro").vpcId(LabEvidence.VPC).subnetId("subnet-priv-a")
                .privateIpAddress("10.0.11.10").securityGroupIds(List.of("sg-app")).build());

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message().lines().toList()).containsExactly(
                "EC2 instance i-0app (product-api) sits in subnet subnet-priv-a, whose route table rtb-main (the main"
                        + " route table of vpc-0a1) has no route for 0.0.0.0/0 or ::/0 to an internet gateway;"
                        + " expected a public subnet, so that users can reach the product API. Fix: launch the app"
                        + " instance in a public subnet (one whose route table sends 0.0.0.0/0 to an igw-).",
                "EC2 instance i-0app (product-api) has no public IP address; expected one, so that users reach the"
                        + " API at http://<public-ip>:5001. Fix: `aws ec2 allocate-address`, then `aws ec2"
                        + " associate-address --instance-id i-0app --allocation-id <eipalloc-id>`, or relaunch with"
                        + " Auto-assign public IP enabled.");
    }

    @Test
    void noInstanceFoundFails() {
        lab.instances = List.of(Ec2Instance.builder().instanceId("i-0old").state("stopped").instanceType("t2.micro")
                .vpcId(LabEvidence.VPC).subnetId("subnet-pub-a").privateIpAddress("10.0.1.12")
                .securityGroupIds(List.of("sg-app")).build());
        lab.subject = new labcheck.evidence.Subject("s001", null, "us-east-1", LabEvidence.CLUSTER, null, null, "aws");

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("No running EC2 instance was found in vpc-0a1, the cache's VPC; expected"
                + " the app instance (t2.micro, Amazon Linux 2023, in a public subnet). Fix: launch it, or start it"
                + " with `aws ec2 start-instances --instance-ids <instance-id>`.");
    }

    @Test
    void unverifiableWhenInstancesAreDenied() {
        lab.denied = "instances";

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void appSubnetWhoseTableWasNotCollectedIsUnverifiableNotJudgedByTheMainTable() {
        // the shape of evidence that kept only the cache's tables: the app's subnet and its own table are missing
        lab.subnets.removeIf(s -> s.subnetId().equals("subnet-pub-a"));
        lab.routeTables.removeIf(t -> t.routeTableId().equals("rtb-public"));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).isEqualTo("Subnet subnet-pub-a of EC2 instance i-0app (product-api) is not"
                + " described in the evidence and no collected route table is explicitly associated with it, so the"
                + " table it uses is unknown; collect it with ec2:DescribeSubnets and ec2:DescribeRouteTables.");
    }

    @Test
    void appInASecondVpcIsJudgedByThatVpcsOwnMainTable() {
        lab.instances = List.of(Ec2Instance.builder().instanceId("i-0app").name("product-api").state("running")
                .instanceType("t2.micro").vpcId(LabEvidence.DEFAULT_VPC)
                .subnetId("subnet-default-a").publicIpAddress("54.1.2.3")
                .privateIpAddress("172.31.0.10").securityGroupIds(List.of("sg-app")).build());

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.details()).startsWith("subnet-default-a: route table rtb-default-main (the main route table of"
                + " vpc-default) sends 0.0.0.0/0 to igw-default");
    }
}
