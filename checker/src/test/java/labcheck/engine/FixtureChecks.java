package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import labcheck.evidence.Evidence;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** Checks with known outcomes, to test the engine alone. Not in the shipped catalog. */
public class FixtureChecks {

    /** Counts runs of {@link #neverNamed}, which no test rubric names: filtering must skip it. */
    static final AtomicInteger NEVER_NAMED_RUNS = new AtomicInteger();

    @Check(id = "fixture_check_passes", title = "Always passes", remediation = "Nothing to do.")
    void passes(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        Report.passed(reporter, "Student " + evidence.subject().studentId() + " passed, cluster "
                + thresholds.clusterId() + ".");
        Report.details(reporter, "first line");
        Report.details(reporter, "second line");
    }

    @Check(id = "fixture_check_fails", title = "Always fails", remediation = "Fix the fixture.")
    void fails(Evidence evidence) {
        assertThat(evidence.subject().studentId()).withFailMessage("Fixture failed for %s.",
                evidence.subject().studentId()).isEqualTo("nobody");
    }

    @Check(id = "fixture_check_fails_with_finding", title = "Fails and raises a finding",
            remediation = "Report honest timings.")
    void failsWithFinding(TestReporter reporter) {
        Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.raise(reporter);
        throw new AssertionError("The app's timings disagree with the measured ones.");
    }

    @Check(id = "fixture_check_partial", title = "Earns a quarter", remediation = "Do the rest.")
    void partial() {
        throw new PartialCredit(0.25, "A quarter of it.");
    }

    @Check(id = "fixture_check_unverifiable", title = "Cannot be verified", remediation = "Grant access.")
    void unverifiable(Evidence evidence) {
        Unverifiable.require(evidence.routeTables());
    }

    @Check(id = "fixture_check_throws_npe", title = "Has a bug", remediation = "Report it.")
    void throwsNpe() {
        String missing = null;
        missing.length();
    }

    @Check(id = "fixture_check_hangs", title = "Never returns in time", remediation = "Report it.")
    void hangs() throws InterruptedException {
        Thread.sleep(30_000);
    }

    @Check(id = "fixture_check_never_named", title = "Not in any rubric", remediation = "None.")
    void neverNamed() {
        NEVER_NAMED_RUNS.incrementAndGet();
    }
}
