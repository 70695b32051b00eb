package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.evidence.Subject;
import labcheck.report.CheckResult;
import labcheck.rubric.Rubric;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.Test;

/** A check's title and remediation name the rubric's thresholds; the scoresheet shows the graded run's values. */
class CheckTextTest {

    private static final String ID = "fixture_check_names_thresholds";

    private static Thresholds instructors() {
        Thresholds seed = Thresholds.seedDefaults();
        return new Thresholds("course-cache", List.of("cache.t3.micro", "cache.t2.micro"), seed.allowedEngines(), 7, 1,
                6380, 600, 50, 90.5, 100, 1000, 0, 100);
    }

    private static CheckResult grade(Thresholds thresholds, String rosterClusterId) {
        Rubric rubric = new Rubric("texts", "1", "Texts", 1, thresholds, List.of(new RubricItem("t", "T", 1,
                List.of(new RubricCheck(ID, 1)))), List.of(), "test");
        LabEvidence lab = LabEvidence.correct();
        lab.subject = new Subject("s1", null, "us-east-1", rosterClusterId, null, null, null);
        return new Grader(rubric, CheckIndex.of(List.of(PlaceholderFixtureChecks.class)), CheckHarness.FIXED)
                .grade(lab.build()).items().get(0).checks().get(0);
    }

    @Test
    void theScoresheetShowsTheRubricsValuesWhereTheCheckNamesItsThresholds() {
        CheckResult result = grade(instructors(), null);

        assertThat(result.title()).isEqualTo("Port 6380 stays closed");
        assertThat(result.remediation()).isEqualTo("aws elasticache modify-cache-cluster --cache-cluster-id"
                + " course-cache; keys live at most 600 s, hits reach 90.5% on cache.t3.micro or cache.t2.micro;"
                + " braces that are no placeholder stay: {\"status\": \"healthy\"}, f'product:{product_id}', $HOME.");
    }

    @Test
    void aStudentsOwnClusterIdFromTheRosterReachesTheRemediationAsItReachesTheChecks() {
        CheckResult seed = grade(Thresholds.seedDefaults(), null);
        CheckResult roster = grade(Thresholds.seedDefaults(), "s1-cache");

        assertThat(seed.remediation()).contains("--cache-cluster-id product-cache-cluster;").contains("3600 s")
                .contains("80%");
        assertThat(roster.remediation()).contains("--cache-cluster-id s1-cache;").doesNotContain("product-cache");
    }

    @Test
    void aCheckNamingNoThresholdIsRefusedWithTheNamesItMayUse() {
        assertThatThrownBy(() -> CheckIndex.of(List.of(PlaceholderFixtureChecks.Misspelt.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("check id 'fixture_check_misspelt_threshold' on Misspelt#misspelt names"
                        + " ${clusterID}")
                .hasMessageContaining("${clusterId}, ${allowedNodeTypes}");
    }
}
