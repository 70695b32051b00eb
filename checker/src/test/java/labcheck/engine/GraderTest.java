package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import labcheck.checks.LabEvidence;
import labcheck.evidence.Evidence;
import labcheck.evidence.Subject;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

class GraderTest {

    private static final CheckIndex FIXTURES = CheckIndex.of(List.of(FixtureChecks.class));

    private static Rubric rubric() {
        return new Rubric("fixture", "1", "Fixture rubric", 10, Thresholds.seedDefaults(), List.of(
                new RubricItem("first", "Pass and fail", 4, List.of(new RubricCheck("fixture_check_passes", 2),
                        new RubricCheck("fixture_check_fails", 2))),
                new RubricItem("second", "Partial", 4, List.of(new RubricCheck("fixture_check_partial", 4))),
                new RubricItem("third", "Unverifiable and a bug", 2, List.of(
                        new RubricCheck("fixture_check_unverifiable", 1), new RubricCheck("fixture_check_throws_npe", 1)))),
                List.of(new RubricItem("extra", "Bonus", 1, List.of(new RubricCheck("fixture_check_passes_bonus", 1)))),
                "test");
    }

    private static Evidence evidence(String student) {
        LabEvidence lab = LabEvidence.correct();
        lab.subject = new Subject(student, null, "us-east-1", null, null, null, "sample account");
        lab.denied = "routeTables";
        return lab.build();
    }

    private static Scoresheet grade(String student) {
        return new Grader(rubric(), FIXTURES, CheckHarness.FIXED).grade(evidence(student));
    }

    @Test
    void aFindingRaisedByACheckReachesTheScoresheetAsDataNotText() {
        Rubric one = new Rubric("fixture", "1", "Fixture rubric", 1, Thresholds.seedDefaults(), List.of(
                new RubricItem("only", "Finding", 1, List.of(new RubricCheck("fixture_check_fails_with_finding", 1)))),
                List.of(), "test");

        CheckResult result = new Grader(one, FIXTURES, CheckHarness.FIXED).grade(evidence("s001"))
                .items().get(0).checks().get(0);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.findings()).containsExactly("self_reported_timings_contradicted");
        assertThat(result.raised(Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.id())).isTrue();
    }

    @Test
    void checksThatRaiseNothingCarryNoFindings() {
        Scoresheet sheet = grade("s001");

        assertThat(sheet.items()).flatExtracting(ItemResult::checks).allMatch(c -> c.findings().isEmpty());
    }

    @Test
    void leafOutcomesBecomeMarksInRubricOrder() {
        Scoresheet sheet = grade("s001");

        assertThat(sheet.items()).extracting(ItemResult::number).containsExactly("1", "2", "3");
        List<CheckResult> checks = sheet.items().stream().flatMap(i -> i.checks().stream()).toList();
        assertThat(checks).extracting(CheckResult::number).containsExactly("1.1", "1.2", "2.1", "3.1", "3.2");
        assertThat(checks).extracting(CheckResult::outcome).containsExactly(Outcome.PASSED, Outcome.FAILED,
                Outcome.PARTIAL, Outcome.UNVERIFIABLE, Outcome.ERROR);
        assertThat(checks).extracting(CheckResult::marks).containsExactly(2.0, 0.0, 1.0, 0.0, 0.0);
        assertThat(sheet.items()).extracting(ItemResult::status).containsExactly(Outcome.PARTIAL, Outcome.PARTIAL,
                Outcome.ERROR);
        assertThat(sheet.total()).isEqualTo(3.0);
        assertThat(sheet.max()).isEqualTo(10.0);
        assertThat(sheet.fullMarks()).isFalse();
    }

    @Test
    void evidenceAndThresholdsReachTheCheckAndReportEntriesBecomeMessageAndDetails() {
        CheckResult passed = grade("s042").items().get(0).checks().get(0);

        assertThat(passed.message()).isEqualTo("Student s042 passed, cluster product-cache-cluster.");
        assertThat(passed.details()).isEqualTo("first line\nsecond line");
        assertThat(passed.remediation()).isNull();
        assertThat(grade("s042").items().get(0).checks().get(1).remediation()).isEqualTo("Fix the fixture.");
    }

    @Test
    void aCheckThatThrowsIsAnIsolatedErrorNamingTheCheck() {
        CheckResult bug = grade("s001").items().get(2).checks().get(1);

        assertThat(bug.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(bug.message()).startsWith("labcheck error in check fixture_check_throws_npe"
                + " (FixtureChecks#throwsNpe): NullPointerException").endsWith("the other checks were graded normally.");
    }

    @Test
    void unverifiableSaysWhatToGrantAndIsNoted() {
        Scoresheet sheet = grade("s001");

        assertThat(sheet.items().get(2).checks().get(0).message()).startsWith("AccessDenied on ec2:DescribeRouteTables");
        assertThat(sheet.notes()).contains("Evidence source: sample account, collected at 2026-11-20T10:00:00Z.")
                .noneMatch(n -> n.startsWith("Unverifiable "));
        // what to grant is one step of "What to do next", named by its cause, not a note per check
        assertThat(sheet.nextSteps()).anySatisfy(step -> {
            assertThat(step.cause()).isEqualTo(new labcheck.report.Cause("AccessDenied", "ec2:DescribeRouteTables"));
            assertThat(step.fix()).startsWith("Grant ec2:DescribeRouteTables");
            assertThat(step.checks()).contains("3.1");
        });
    }

    @Test
    void onlyTheRubricsChecksRunAndAnUnknownIdIsAnErrorNotACrash() {
        FixtureChecks.NEVER_NAMED_RUNS.set(0);

        Scoresheet sheet = grade("s001");

        assertThat(FixtureChecks.NEVER_NAMED_RUNS.get()).isZero();
        CheckResult unknown = sheet.bonus().get(0).checks().get(0);
        assertThat(unknown.number()).isEqualTo("B1.1");
        assertThat(unknown.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(unknown.message()).isEqualTo("labcheck error: this labcheck has no check with id"
                + " fixture_check_passes_bonus; the rubric is newer than labcheck.");
    }

    @Test
    void regradingGivesByteIdenticalJsonApartFromTheTimestamp() {
        Clock later = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        Evidence evidence = evidence("s001");

        String first = JsonReport.toJson(new Grader(rubric(), FIXTURES, CheckHarness.FIXED).grade(evidence));
        String second = JsonReport.toJson(new Grader(rubric(), FIXTURES, later).grade(evidence));

        assertThat(first).contains("\"gradedAt\" : \"2026-11-26T12:00:00Z\"");
        assertThat(second.replace("2027-01-01T00:00:00Z", "2026-11-26T12:00:00Z")).isEqualTo(first);
    }

    @Test
    void concurrentGradingsNeverMixStudents() throws Exception {
        Grader grader = new Grader(rubric(), FIXTURES, CheckHarness.FIXED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Scoresheet>> sheets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String student = "s" + i;
                sheets.add(pool.submit(() -> grader.grade(evidence(student))));
            }
            for (int i = 0; i < sheets.size(); i++) {
                Scoresheet sheet = sheets.get(i).get(60, TimeUnit.SECONDS);
                assertThat(sheet.student().studentId()).isEqualTo("s" + i);
                assertThat(sheet.items().get(0).checks().get(0).message()).startsWith("Student s" + i + " passed");
                assertThat(sheet.items().get(0).checks().get(1).message()).isEqualTo("Fixture failed for s" + i + ".");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckWithSeveralFailedConditionsFailsWithOneLinePerFailedConditionAndNoCodeLocations() {
        CheckResult twice = gradeOne("fixture_check_fails_twice");

        assertThat(twice.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(twice.message()).isEqualTo("First condition failed.\nSecond condition failed.");
    }

    @Test
    void aShortfallAloneEarnsItsShareButBesideAFailureTheCheckFailsWithBoth() {
        CheckResult partly = gradeOne("fixture_check_partly");
        CheckResult both = gradeOne("fixture_check_partly_and_fails");

        assertThat(partly.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(partly.marks()).isEqualTo(0.4);
        assertThat(partly.message()).isEqualTo("Four tenths of it.");
        assertThat(both.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(both.marks()).isZero();
        assertThat(both.message()).isEqualTo("Half of it is there.\nThe rest failed.");
    }

    @Test
    void aConditionThatThrowsInsideAssertAllIsAnErrorNotAFailure() {
        CheckResult broken = gradeOne("fixture_check_breaks_in_assert_all");

        assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(broken.message()).startsWith("labcheck error in check fixture_check_breaks_in_assert_all"
                + " (ConditionFixtureChecks#breaksInAssertAll): NullPointerException");
    }

    private static CheckResult gradeOne(String checkId) {
        Rubric rubric = new Rubric("one", "1", "One", 1, Thresholds.seedDefaults(), List.of(new RubricItem("o", "O", 1,
                List.of(new RubricCheck(checkId, 1)))), List.of(), "test");
        return new Grader(rubric, CheckIndex.of(List.of(ConditionFixtureChecks.class)), CheckHarness.FIXED)
                .grade(evidence("s001")).items().get(0).checks().get(0);
    }

    @Test
    void aCheckThatHangsIsStoppedByTheTimeoutAndReportedAsAnError() {
        Rubric rubric = new Rubric("hang", "1", "Hang", 2, Thresholds.seedDefaults(), List.of(new RubricItem("h", "H", 2,
                List.of(new RubricCheck("fixture_check_hangs", 1), new RubricCheck("fixture_check_passes", 1)))),
                List.of(), "test");
        long start = System.nanoTime();

        Scoresheet sheet = new Grader(rubric, FIXTURES, CheckHarness.FIXED, java.time.Duration.ofMillis(300))
                .grade(evidence("s001"));

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        assertThat(sheet.items().get(0).checks()).extracting(CheckResult::outcome)
                .containsExactly(Outcome.ERROR, Outcome.PASSED);
        assertThat(sheet.items().get(0).checks().get(0).message()).startsWith("labcheck error in check"
                + " fixture_check_hangs (FixtureChecks#hangs): TimeoutException");
    }

    @Test
    void itemStatusIsPassedOnlyWithAllMarksAndZeroMarkItemsFollowTheirChecks() {
        CheckResult pass = new CheckResult("1.1", "a", "a", 0, 0, Outcome.PASSED, "ok.", null, null);
        CheckResult fail = new CheckResult("1.2", "b", "b", 0, 0, Outcome.FAILED, "no.", null, null);
        CheckResult unverifiable = new CheckResult("1.3", "c", "c", 0, 1, Outcome.UNVERIFIABLE, "?", null, null);

        assertThat(ScoresheetAssembler.status(0, 0, List.of(pass))).isEqualTo(Outcome.PASSED);
        assertThat(ScoresheetAssembler.status(0, 0, List.of(pass, fail))).isEqualTo(Outcome.FAILED);
        assertThat(ScoresheetAssembler.status(0, 1, List.of(unverifiable))).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(ScoresheetAssembler.status(0, 1, List.of(fail, unverifiable))).isEqualTo(Outcome.FAILED);
    }

    @Test
    void twoChecksWithOneIdAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckIndex.of(List.of(FixtureChecks.class,
                FixtureChecks.class))).hasMessageContaining("check id 'fixture_check_fails' is declared twice");
    }
}
