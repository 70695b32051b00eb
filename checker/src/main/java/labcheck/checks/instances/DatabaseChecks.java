package labcheck.checks.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.RdsInstance;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Information item: the RDS MySQL database is not reachable from the internet. */
public class DatabaseChecks {

    @Check(id = "rds_instance_not_publicly_accessible",
            needs = {EvidencePart.DB_INSTANCES},
            title = "The RDS MySQL instance is not publicly accessible",
            remediation = "Turn public access off: aws rds modify-db-instance --db-instance-identifier <db-id>"
                    + " --no-publicly-accessible --apply-immediately. Console: RDS > Databases > Modify >"
                    + " Connectivity > Not publicly accessible.")
    void rdsNotPubliclyAccessible(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        List<RdsInstance> all = Unverifiable.require(evidence.dbInstances());
        List<RdsInstance> mysql = all.stream().filter(DatabaseChecks::isMysql)
                .sorted((a, b) -> a.dbInstanceIdentifier().compareTo(b.dbInstanceIdentifier())).toList();
        assertThat(mysql).withFailMessage(() -> "No RDS MySQL instance was found "
                + Texts.inRegion(evidence.subject() == null ? null : evidence.subject().region()) + "; found "
                + Texts.join(all.stream().map(d -> d.dbInstanceIdentifier() + " (" + d.engine() + ")").toList())
                + ". The app reads its 1005 products from RDS MySQL. Fix: create it as in Module 07 (`aws rds"
                + " create-db-instance --engine mysql --db-instance-class db.t3.micro --no-publicly-accessible ...`).")
                .isNotEmpty();
        List<RdsInstance> unknown = mysql.stream().filter(d -> d.publiclyAccessible() == null).toList();
        Conditions conditions = new Conditions();
        for (RdsInstance db : mysql) {
            conditions.expect(!Boolean.TRUE.equals(db.publiclyAccessible()), () -> "RDS instance "
                    + db.dbInstanceIdentifier() + " (" + db.engine() + ") is publicly accessible; expected"
                    + " PubliclyAccessible=false: the product database must be reachable only from inside the VPC."
                    + " Fix: `aws rds modify-db-instance --db-instance-identifier " + db.dbInstanceIdentifier()
                    + " --no-publicly-accessible --apply-immediately`.");
        }
        conditions.verify();
        if (!unknown.isEmpty()) {
            throw new Unverifiable("RDS did not report whether " + Texts.join(unknown.stream()
                    .map(RdsInstance::dbInstanceIdentifier).toList()) + " is publicly accessible.");
        }
        Report.passed(reporter, "RDS instance " + Texts.join(mysql.stream()
                .map(RdsInstance::dbInstanceIdentifier).toList()) + " is not publicly accessible.");
    }

    private static boolean isMysql(RdsInstance db) {
        String engine = db.engine() == null ? "" : db.engine().toLowerCase(Locale.ROOT);
        return engine.contains("mysql") || engine.contains("mariadb");
    }
}
