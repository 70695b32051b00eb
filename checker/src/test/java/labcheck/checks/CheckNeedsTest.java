package labcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import labcheck.checks.app.AppEvidenceFixture;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckInfo;
import labcheck.engine.CheckRun;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.Fact;
import labcheck.evidence.app.ReachedServers;
import org.junit.jupiter.api.Test;

/**
 * Each check's {@code @Check(needs = ...)} is what it reads: graded on its declared parts alone
 * (every other part "not collected", as {@code check --item} gathers), a check ends exactly as on
 * the whole evidence; and without any one declared part, it ends otherwise.
 */
class CheckNeedsTest {

    private static final String WHY = "not needed by the checks under test";
    private static final String NODE = LabEvidence.CLUSTER + ".abc123.0001.use1.cache.amazonaws.com:6379";
    private static final String RDS = "jdbc:mysql://product-db.abc.us-east-1.rds.amazonaws.com:3306/ecommerce";

    /** The lab done right, the honest app's probe, and the servers read at the AWS endpoints. */
    static Evidence whole() {
        return LabEvidence.correct().build().withApp(Fact.of(AppEvidenceFixture.honest().toBuilder()
                .servers(Fact.of(new ReachedServers(new ReachedServers.RedisServer(NODE, "7.0.15", null,
                        "Amazon ElastiCache"), new ReachedServers.DatabaseServer(RDS,
                        "product-db.abc.us-east-1.rds.amazonaws.com", "8.0.39")))).build()));
    }

    @Test
    void everyShippedCheckDeclaresWhatItReads() {
        assertThat(CheckCatalog.ids()).allSatisfy(id -> assertThat(CheckCatalog.index().get(id).orElseThrow()
                .method().getAnnotation(labcheck.engine.Check.class).needs()).as(id).isNotEmpty());
    }

    @Test
    void givenOnlyItsDeclaredPartsEveryCheckEndsAsOnTheWholeEvidence() {
        Evidence whole = whole();
        Map<String, CheckRun> full = CheckHarness.gradeAll(whole);
        Map<String, String> changed = new LinkedHashMap<>();
        for (String id : CheckCatalog.ids()) {
            Set<EvidencePart> needs = info(id).needs();
            CheckRun only = CheckHarness.run(id, whole.keepOnly(needs, WHY));
            if (!same(full.get(id), only)) {
                changed.put(id, full.get(id).outcome() + " became " + only.outcome() + ": " + only.message());
            }
        }
        assertThat(changed).as("checks that read more than they declare").isEmpty();
    }

    @Test
    void withoutAnyOneOfItsDeclaredPartsEveryCheckEndsOtherwise() {
        Evidence whole = whole();
        Map<String, CheckRun> full = CheckHarness.gradeAll(whole);
        Map<String, Set<EvidencePart>> unread = new LinkedHashMap<>();
        for (String id : CheckCatalog.ids()) {
            for (EvidencePart part : info(id).needs()) {
                if (readOnOtherPaths(id, part)) {
                    continue;
                }
                Set<EvidencePart> less = EnumSet.copyOf(info(id).needs());
                less.remove(part);
                if (same(full.get(id), CheckHarness.run(id, whole.keepOnly(less, WHY)))) {
                    unread.computeIfAbsent(id, k -> EnumSet.noneOf(EvidencePart.class)).add(part);
                }
            }
        }
        assertThat(unread).as("declared parts whose absence changes nothing").isEmpty();
    }

    /**
     * Parts a check reads on paths the lab done right does not take: the cache may be a replication
     * group or a serverless cache (the lab's is a plain cluster), and the routing checks take a subnet's
     * VPC, for its main route table, from the subnet list (the lab's subnets are associated or grouped);
     * the deadline check reads each resource's creation time, which matters only for one made after it.
     */
    private static boolean readOnOtherPaths(String id, EvidencePart part) {
        if (id.equals("cloudtrail_lab_unchanged_after_deadline")) {
            return part != EvidencePart.CLOUD_TRAIL;
        }
        return switch (part) {
            case REPLICATION_GROUPS, SERVERLESS_CACHES -> true;
            case SUBNETS -> info(id).needs().contains(EvidencePart.ROUTE_TABLES);
            default -> false;
        };
    }

    private static CheckInfo info(String id) {
        return CheckCatalog.index().get(id).orElseThrow();
    }

    private static boolean same(CheckRun a, CheckRun b) {
        return a.outcome() == b.outcome() && java.util.Objects.equals(a.message(), b.message())
                && a.fraction() == b.fraction();
    }
}
