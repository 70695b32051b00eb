package labcheck.checks.instances;

import java.util.Optional;
import labcheck.checks.support.AppInstances;
import labcheck.checks.support.Routing;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Information item: the app's EC2 instance is reachable (public subnet, public IP). */
public class InstanceChecks {

    @Check(id = "ec2_app_instance_in_public_subnet",
            needs = {EvidencePart.SUBNETS, EvidencePart.ROUTE_TABLES, EvidencePart.INSTANCES},
            title = "The app's EC2 instance sits in a public subnet with a public IP",
            remediation = "Launch the app instance in a public subnet (its route table sends 0.0.0.0/0 to an igw-)"
                    + " with Auto-assign public IP enabled, or give it an Elastic IP: aws ec2 allocate-address, then"
                    + " aws ec2 associate-address --instance-id <instance-id> --allocation-id <eipalloc-id>.")
    void appInstanceInPublicSubnet(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        Ec2Instance app = AppInstances.require(evidence, thresholds);
        String who = "EC2 instance " + AppInstances.describe(app);
        if (app.subnetId() == null) {
            throw new Unverifiable(who + " reported no subnet, so its placement cannot be judged.");
        }
        Optional<Routing.Verdict> verdict = Routing.judge(evidence, app.subnetId(), app.vpcId());
        if (verdict.isEmpty() && !Routing.describes(evidence, app.subnetId())) {
            throw new Unverifiable("Subnet " + app.subnetId() + " of " + who + " is not described in the evidence"
                    + " and no collected route table is explicitly associated with it, so the table it uses is"
                    + " unknown; collect it with ec2:DescribeSubnets and ec2:DescribeRouteTables.");
        }
        if (verdict.isEmpty()) {
            throw new Unverifiable("No route table in the evidence applies to subnet " + app.subnetId() + " of " + who
                    + "; collect route tables with ec2:DescribeRouteTables.");
        }
        Routing.Verdict v = verdict.get();
        Report.details(reporter, app.subnetId() + ": " + v.describeTable() + " " + v.describeRoute()
                + "; public IP " + (app.publicIpAddress() == null ? "none" : app.publicIpAddress()));
        new Conditions()
                .expect(v.isPublic(), () -> who + " sits in subnet " + app.subnetId() + ", whose " + v.describeTable()
                        + " " + v.describeRoute() + "; expected a public subnet, so that users can reach the product"
                        + " API. Fix: launch the app instance in a public subnet (one whose route table sends"
                        + " 0.0.0.0/0 to an igw-).")
                .expect(app.publicIpAddress() != null, () -> who + " has no public IP address; expected one, so that"
                        + " users reach the API at http://<public-ip>:5001. Fix: `aws ec2 allocate-address`, then `aws"
                        + " ec2 associate-address --instance-id " + app.instanceId() + " --allocation-id"
                        + " <eipalloc-id>`, or relaunch with Auto-assign public IP enabled.")
                .verify();
        Report.passed(reporter, who + " sits in public subnet " + app.subnetId() + " with public IP "
                + app.publicIpAddress() + ".");
    }
}
