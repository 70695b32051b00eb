package labcheck.collect;

import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each WireMock scenario, collected, equals its bundle under {@code src/test/resources/aws/bundles/}:
 * the grading tests read those bundles, so they must stay what the collector really writes.
 * Regenerate after a deliberate change with {@code -Dlabcheck.updateBundles=true}.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class ScenarioBundlesTest {

    static final Path BUNDLES = Path.of("src/test/resources/aws/bundles");

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("good-lab", (Supplier<FakeAws>) () -> FakeAws.start(Labs.good())),
                Arguments.of("public-subnet", (Supplier<FakeAws>) () -> FakeAws.start(Labs.publicSubnet())),
                Arguments.of("sg-open-to-world", (Supplier<FakeAws>) () -> FakeAws.start(Labs.openToWorld())),
                Arguments.of("sg-no-rule", (Supplier<FakeAws>) () -> FakeAws.start(Labs.noRule())),
                Arguments.of("wrong-node-type", (Supplier<FakeAws>) () -> FakeAws.start(Labs.wrongNodeType())),
                Arguments.of("creating", (Supplier<FakeAws>) () -> FakeAws.start(Labs.creating())),
                Arguments.of("console-replication-group",
                        (Supplier<FakeAws>) () -> FakeAws.start(Labs.consoleReplicationGroup())),
                Arguments.of("serverless", (Supplier<FakeAws>) () -> FakeAws.start(Labs.serverless())),
                Arguments.of("second-vpc-with-igw",
                        (Supplier<FakeAws>) () -> FakeAws.start(Labs.otherVpc().plus(Labs.good()))),
                Arguments.of("route-tables-denied", (Supplier<FakeAws>) () -> {
                    FakeAws aws = FakeAws.start(Labs.good());
                    aws.deny("ec2:DescribeRouteTables");
                    return aws;
                }),
                Arguments.of("no-cluster", (Supplier<FakeAws>) () -> FakeAws.start(Labs.good().withClusters(
                        java.util.List.of()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void collectedScenarioEqualsItsBundle(String name, Supplier<FakeAws> scenario) throws Exception {
        Evidence e;
        try (FakeAws aws = scenario.get()) {
            e = collect(aws, aws.settings().build());
        }
        Path dir = BUNDLES.resolve(name);
        if (Boolean.getBoolean("labcheck.updateBundles")) {
            EvidenceBundle.write(dir, e);
        }
        assertThat(dir.resolve(EvidenceBundle.FILE_NAME)).as("bundle of scenario " + name
                + "; create it with -Dlabcheck.updateBundles=true").exists();
        assertThat(EvidenceBundle.toJson(e)).isEqualTo(Files.readString(dir.resolve(EvidenceBundle.FILE_NAME)));
        assertThat(EvidenceBundle.read(dir)).isEqualTo(e);
    }
}
