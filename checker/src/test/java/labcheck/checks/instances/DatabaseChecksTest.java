package labcheck.checks.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.RdsInstance;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class DatabaseChecksTest {

    private static final String ID = "rds_instance_not_publicly_accessible";

    private final LabEvidence lab = LabEvidence.correct();

    private static RdsInstance db(String id, String engine, Boolean publiclyAccessible) {
        return RdsInstance.builder().dbInstanceIdentifier(id).engine(engine).engineVersion("8.0.39")
                .dbInstanceStatus("available").publiclyAccessible(publiclyAccessible)
                .dbSubnetGroupName("db-subnet-group").vpcId(LabEvidence.VPC).subnetIds(List.of())
                .vpcSecurityGroupIds(List.of("sg-db")).build();
    }

    @Test
    void privateDatabasePasses() {
        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("RDS instance product-db is not publicly accessible.");
    }

    @Test
    void publiclyAccessibleDatabaseFailsWithTheModifyCommand() {
        lab.databases = List.of(db("product-db", "mysql", true));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("RDS instance product-db (mysql) is publicly accessible; expected"
                + " PubliclyAccessible=false: the product database must be reachable only from inside the VPC. Fix:"
                + " `aws rds modify-db-instance --db-instance-identifier product-db --no-publicly-accessible"
                + " --apply-immediately`.");
    }

    @Test
    void noMysqlDatabaseFails() {
        lab.databases = List.of(db("reports", "postgres", false));

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("No RDS MySQL instance was found in us-east-1; found reports (postgres).");
    }

    @Test
    void unknownAccessibilityIsUnverifiable() {
        lab.databases = List.of(db("product-db", "mysql", null));

        assertThat(CheckHarness.run(ID, lab.build()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }
}
