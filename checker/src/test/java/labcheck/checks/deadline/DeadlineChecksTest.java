package labcheck.checks.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcheck.checks.CheckCatalog;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.engine.Finding;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.TrailEvent;
import labcheck.evidence.TrailLookup;
import labcheck.evidence.Unavailable;
import labcheck.report.FindingDetail;
import labcheck.report.ItemResult;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class DeadlineChecksTest {

    static final String ID = "cloudtrail_lab_unchanged_after_deadline";
    static final String DEADLINE = "2026-12-05T18:00:00+01:00";
    static final String LOOKED_UP = "2026-12-06T09:00:00Z";
    static final String STUDENT = "arn:aws:iam::123456789012:user/student";

    private final LabEvidence lab = LabEvidence.correct();

    static TrailEvent sgOpened() {
        return new TrailEvent("2026-12-05T17:42:10Z", "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com",
                "EC2 security group", "sg-redis", STUDENT, "ev-1");
    }

    static TrailLookup lookup(List<TrailEvent> events) {
        return TrailLookup.builder().from(DEADLINE).to(LOOKED_UP).resources(List.of("i-0app", "product-cache-cluster",
                "sg-app", "sg-redis")).events(events).eventsRead(events.size() + 3).build();
    }

    Evidence atDeadline(Fact<TrailLookup> trail) {
        return lab.build().toBuilder().deadline(DEADLINE).cloudTrail(trail).build();
    }

    @Test
    void withoutADeadlineTheCheckIsUnverifiableAndNamesTheFlag() {
        lab.deadline = null;

        CheckRun run = CheckHarness.run(ID, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).isEqualTo("No deadline was given, so labcheck did not look for changes after one.");
        assertThat(run.howToVerify()).startsWith("Give --deadline TIME (ISO-8601 with a zone");
    }

    @Test
    void aLabUntouchedSinceTheDeadlinePassesSayingWhatWasRead() {
        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.of(lookup(List.of()))));

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("No resource of the lab was created after the deadline " + DEADLINE
                + ", and CloudTrail lists no write to its 4 resources between the deadline and " + LOOKED_UP + ".");
        assertThat(run.details()).contains("3 write event(s) in the account, 0 on the lab's resources");
        assertThat(run.findings()).isEmpty();
    }

    @Test
    void aSecurityGroupOpenedAfterTheDeadlineFailsWithEventTimeResourceAndPrincipal() {
        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.of(lookup(List.of(sgOpened())))));

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("EC2 security group sg-redis was changed after the deadline " + DEADLINE
                + ": AuthorizeSecurityGroupIngress at 2026-12-05T17:42:10Z by " + STUDENT + " (CloudTrail event ev-1);")
                .contains("Fix: nothing to change in the lab now").endsWith(".");
        assertThat(run.findings()).containsExactly(Finding.CHANGED_AFTER_DEADLINE.id());
        assertThat(run.findingDetails()).containsExactly(new FindingDetail("changed_after_deadline", Map.of(
                "event", "AuthorizeSecurityGroupIngress", "time", "2026-12-05T17:42:10Z",
                "resource", "EC2 security group sg-redis", "principal", STUDENT)));
    }

    @Test
    void aResourceCreatedAfterTheDeadlineFailsEvenWhenCloudTrailWasDenied() {
        lab.instances.replaceAll(i -> i.toBuilder().launchTime("2026-12-05T17:30:00Z").build());
        lab.clusters.replaceAll(c -> c.toBuilder().cacheClusterCreateTime("2026-12-01T10:00:00Z").build());

        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.unavailable(
                Unavailable.accessDenied("cloudtrail:LookupEvents"))));

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("EC2 instance i-0app was started at 2026-12-05T17:30:00Z (its LaunchTime:"
                + " launched, or started again after a stop), after the deadline " + DEADLINE);
        assertThat(run.details()).contains("grant cloudtrail:LookupEvents");
        assertThat(run.findingDetails()).singleElement().satisfies(d -> {
            assertThat(d.field("event")).isEqualTo("started");
            assertThat(d.field("resource")).isEqualTo("EC2 instance i-0app");
            assertThat(d.field("principal")).isEmpty();
        });
    }

    @Test
    void withoutCloudTrailsPermissionTheCheckIsUnverifiableNamingTheAction() {
        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.unavailable(
                Unavailable.accessDenied("cloudtrail:LookupEvents"))));

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).contains("CloudTrail's event history could not be read")
                .contains("grant cloudtrail:LookupEvents");
        assertThat(run.howToVerify()).startsWith("Grant cloudtrail:LookupEvents to the identity labcheck runs as");
    }

    @Test
    void aLookupThatCouldNotReadEverythingAndFoundNothingIsUnverifiable() {
        TrailLookup cut = lookup(List.of()).toBuilder().truncation("Not every write event was read: i-0app has"
                + " more than 100 events after the deadline; the newest were read.").build();

        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.of(cut)));

        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).startsWith("Not every write event was read").endsWith("in what was read.");
    }

    @Test
    void manyChangesAreSpeltOutUpToTenAndEveryOneIsRaised() {
        List<TrailEvent> events = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            events.add(new TrailEvent("2026-12-05T18:%02d:00Z".formatted(i), "ModifyInstanceAttribute",
                    "ec2.amazonaws.com", "EC2 instance", "i-0app", STUDENT, "ev-" + i));
        }

        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.of(lookup(events))));

        assertThat(run.message().lines()).hasSize(DeadlineChecks.MAX_LINES + 1);
        assertThat(run.message().lines().toList().get(DeadlineChecks.MAX_LINES))
                .startsWith("And 4 more change(s) after the deadline");
        assertThat(run.findingDetails()).hasSize(14);
    }

    @Test
    void aLookupSoonAfterTheDeadlineSaysCloudTrailMayNotListTheLastChangesYet() {
        TrailLookup soon = lookup(List.of()).toBuilder().to("2026-12-05T17:05:00Z").build();

        CheckRun run = CheckHarness.run(ID, atDeadline(Fact.of(soon)));

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.details()).contains("CloudTrail was read 5 min after the deadline");
    }

    @Test
    void marksAreUnchangedByDefaultAndTheRubricsDeductionTakesThemOffTheTotal() {
        Evidence changed = atDeadline(Fact.of(lookup(List.of(sgOpened()))));
        Rubric shipped = RubricLoader.shipped(CheckCatalog.ids());
        Scoresheet flagged = CheckCatalog.grader(shipped).grade(changed);
        Scoresheet untouched = CheckCatalog.grader(shipped).grade(atDeadline(Fact.of(lookup(List.of()))));

        Scoresheet deducted = CheckCatalog.grader(withDeduction(shipped, 2)).grade(changed);

        assertThat(flagged.total()).isEqualTo(untouched.total());
        assertThat(deducted.total()).isEqualTo(flagged.total() - 2);
        assertThat(deducted.max()).isEqualTo(flagged.max());
        ItemResult item = item(deducted, "unchanged-after-deadline");
        assertThat(item.marks()).isEqualTo(-2);
        assertThat(item.status()).isEqualTo(Outcome.FAILED);
        assertThat(deducted.notes()).contains("2 mark(s) deducted: the lab was created or changed after the deadline"
                + " (the rubric's changedAfterDeadlineDeduction); see the check that raised it.");
        assertThat(CheckCatalog.grader(withDeduction(shipped, 2)).grade(atDeadline(Fact.of(lookup(List.of()))))
                .total()).isEqualTo(untouched.total());
    }

    @Test
    void aDeductionNeverTakesTheTotalBelowZero() {
        lab.clusters.clear();
        lab.denied = "instances";
        Evidence changed = lab.build().toBuilder().deadline(DEADLINE)
                .cloudTrail(Fact.of(lookup(List.of(sgOpened())))).build();
        Rubric shipped = RubricLoader.shipped(CheckCatalog.ids());
        double earned = CheckCatalog.grader(shipped).grade(changed).total();

        Scoresheet deducted = CheckCatalog.grader(withDeduction(shipped, 50)).grade(changed);

        assertThat(deducted.total()).isZero();
        assertThat(item(deducted, "unchanged-after-deadline").marks()).isEqualTo(-earned);
    }

    private static ItemResult item(Scoresheet sheet, String id) {
        return sheet.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static Rubric withDeduction(Rubric r, double marks) {
        Thresholds t = r.thresholds();
        Thresholds deducting = t.toBuilder().changedAfterDeadlineDeduction(marks).build();
        return new Rubric(r.id(), r.version(), r.title(), r.total(), deducting, r.items(), r.bonus(), r.origin());
    }
}
