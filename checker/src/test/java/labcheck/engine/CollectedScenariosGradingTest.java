package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.ItemResult;
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

    @ParameterizedTest(name = "{0}: cluster {1}/4, security group {2}/2")
    @CsvSource({
        "good-lab,                   4.0, 2.0",
        "console-replication-group,  4.0, 2.0",
        "second-vpc-with-igw,        4.0, 2.0",
        "creating,                   3.0, 2.0",
        "wrong-node-type,            3.0, 2.0",
        "public-subnet,              3.0, 2.0",
        "route-tables-denied,        3.0, 2.0",
        "sg-open-to-world,           4.0, 0.0",
        "sg-no-rule,                 4.0, 1.0",
        "no-cluster,                 0.0, 0.0",
    })
    void collectedBundleGradesAsTheMarkMappingExpects(String scenario, double cluster, double securityGroup) {
        Scoresheet sheet = new Grader(RubricLoader.shipped(CheckCatalog.ids()))
                .grade(EvidenceBundle.read(BUNDLES.resolve(scenario)));

        Map<String, Double> marks = sheet.items().stream()
                .collect(Collectors.toMap(ItemResult::id, ItemResult::marks));
        assertThat(marks).containsEntry("cluster", cluster).containsEntry("security-group", securityGroup);
        // no app was probed in these bundles: the app items are unverifiable, never failed or passed
        sheet.items().stream().filter(i -> APP_ITEMS.contains(i.id()))
                .forEach(i -> assertThat(i.status()).as(i.id()).isEqualTo(Outcome.UNVERIFIABLE));
    }
}
