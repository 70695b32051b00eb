package labcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.app.AppEvidence;
import org.junit.jupiter.api.Test;

/**
 * The generated builders (@RecordBuilder, options in checker/pom.xml) keep what the hand-written
 * ones did: a field left unset is unknown (null) and stays out of the bundle, a number is 0, and the
 * records' compact constructors still default and copy their lists.
 */
class EvidenceBuildersTest {

    private static final Subject SUBJECT = new Subject("s001", null, "us-east-1", null, null, null, "test");

    @Test
    void aListLeftUnsetIsUnknownAndLeftOutOfTheBundleNotWrittenEmpty() throws Exception {
        CacheCluster cluster = CacheCluster.builder().cacheClusterId("product-cache-cluster").build();

        assertThat(cluster.securityGroupIds()).isNull();
        assertThat(EvidenceBundle.mapper().writeValueAsString(cluster))
                .isEqualToIgnoringWhitespace("{\"cacheClusterId\": \"product-cache-cluster\"}");
    }

    @Test
    void aNumberLeftUnsetIsZeroAndTheRecordStillDefaultsItsNotes() {
        AppEvidence app = AppEvidence.builder().appUrl("http://app:5001").build();

        assertThat(app.durationMs()).isZero();
        assertThat(app.notes()).isEmpty();
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsSet() {
        Evidence e = Evidence.empty(SUBJECT, "2026-01-01T00:00:00Z").withNote("first");

        Evidence changed = e.toBuilder().subnets(Fact.of(List.of())).build();

        assertThat(e.toBuilder().build()).isEqualTo(e);
        assertThat(changed.subnets()).isEqualTo(Fact.of(List.of()));
        assertThat(changed).usingRecursiveComparison().ignoringFields("subnets").isEqualTo(e);
    }

    @Test
    void withAwsFromTakesEveryAwsFactAndKeepsTheSubjectTheAppProbeAndBothNotes() {
        Unavailable denied = Unavailable.accessDenied("ec2:DescribeSubnets");
        Evidence base = Evidence.empty(SUBJECT, "2026-01-01T00:00:00Z").withNote("from the probe");
        Subject elsewhere = new Subject("s002", null, "eu-west-1", null, null, null, "other");
        Evidence aws = Evidence.empty(elsewhere, "2026-02-02T00:00:00Z")
                .withAwsUnavailable(denied)
                .withApp(Fact.of(AppEvidence.builder().appUrl("http://other:5001").build()))
                .withNote("from AWS");

        Evidence merged = base.withAwsFrom(aws);

        assertThat(merged.subject()).isEqualTo(base.subject());
        assertThat(merged.collectedAt()).isEqualTo(base.collectedAt());
        assertThat(merged.app()).isEqualTo(base.app());
        assertThat(merged.notes()).containsExactly("from the probe", "from AWS");
        assertThat(List.of(merged.identity(), merged.cacheClusters(), merged.replicationGroups(),
                merged.serverlessCaches(), merged.cacheSubnetGroups(), merged.subnets(), merged.routeTables(),
                merged.securityGroups(), merged.instances(), merged.dbInstances(), merged.alarms()))
                .allSatisfy(f -> assertThat(f.unavailable()).isEqualTo(denied));
    }
}
