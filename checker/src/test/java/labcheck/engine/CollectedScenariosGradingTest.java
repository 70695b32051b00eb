package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.rubric.RubricLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundles the AWS collector writes for each WireMock scenario (kept equal to its output by
 * ScenarioBundlesTest), graded with the shipped rubric: collect, then grade, gives the marks the
 * lab's mark mapping expects for the infrastructure items.
 */
class CollectedScenariosGradingTest {

    private static final Set<String> APP_ITEMS = Set.of("app-connects", "lazy-loading", "ttl", "improvement",
            "hit-ratio");

    private static final Path BUNDLES = Path.of("src/test/resources/aws/bundles");

    @ParameterizedTest(name = "{0}: cluster {1}/4, security group {2}/2, app instance in public subnet {3}")
    @CsvSource({
        "good-lab,                   4.0, 2.0, PASSED",
        "console-replication-group,  4.0, 2.0, PASSED",
        "second-vpc-with-igw,        4.0, 2.0, PASSED",
        "creating,                   3.0, 2.0, PASSED",
        "wrong-node-type,            3.0, 2.0, PASSED",
        "public-subnet,              3.0, 2.0, PASSED",
        "route-tables-denied,        3.0, 2.0, UNVERIFIABLE",
        "sg-open-to-world,           4.0, 0.0, PASSED",
        "sg-no-rule,                 4.0, 1.0, PASSED",
        "no-cluster,                 0.0, 0.0, PASSED",
    })
    void collectedBundleGradesAsTheMarkMappingExpects(String scenario, double cluster, double securityGroup,
                                                      Outcome appInstancePublic) {
        Scoresheet sheet = CheckCatalog.grader(RubricLoader.shipped(CheckCatalog.ids()))
                .grade(EvidenceBundle.read(BUNDLES.resolve(scenario)));

        Map<String, Double> marks = sheet.items().stream()
                .collect(Collectors.toMap(ItemResult::id, ItemResult::marks));
        assertThat(marks).containsEntry("cluster", cluster).containsEntry("security-group", securityGroup);
        // the app host's subnet is judged by its own table (rtb-0public, 0.0.0.0/0 to igw-0lab), never by a
        // table that does not apply to it, with or without a cache; unverifiable only when the route tables
        // could not be had
        CheckResult placement = sheet.items().stream().flatMap(i -> i.checks().stream())
                .filter(c -> c.id().equals("ec2_app_instance_in_public_subnet")).findFirst().orElseThrow();
        assertThat(placement.outcome()).as(placement.message()).isEqualTo(appInstancePublic);
        if (appInstancePublic == Outcome.PASSED) {
            assertThat(placement.details()).contains("subnet-0puba: route table rtb-0public (explicitly associated)"
                    + " sends 0.0.0.0/0 to igw-0lab");
        }
        // no app was probed in these bundles: the app items are unverifiable, never failed or passed
        sheet.items().stream().filter(i -> APP_ITEMS.contains(i.id()))
                .forEach(i -> assertThat(i.status()).as(i.id()).isEqualTo(Outcome.UNVERIFIABLE));
    }
}
