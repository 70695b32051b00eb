package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.JsonReport;
import labcheck.report.Reports;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the JSON scoresheet of fixed evidence bundles. After an intended change, regenerate with
 * {@code mvn -pl checker test -Dtest=GoldenScoresheetTest -Dlabcheck.golden.update=true} and review the diff.
 */
class GoldenScoresheetTest {

    private static final Path BUNDLES = Path.of("src/test/resources/bundles");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Rubric RUBRIC = RubricLoader.load(Path.of("src/test/resources/rubrics/infrastructure.yaml"),
            CheckCatalog.ids());

    @ParameterizedTest
    @ValueSource(strings = {"correct", "mistakes", "denied"})
    void scoresheetJsonMatchesTheGoldenFile(String bundle) throws IOException {
        String json = JsonReport.toJson(new Grader(RUBRIC, CheckCatalog.index(), CheckHarness.FIXED)
                .grade(EvidenceBundle.read(BUNDLES.resolve(bundle))));

        Path golden = GOLDEN.resolve(bundle + ".scoresheet.json");
        if (Boolean.getBoolean("labcheck.golden.update")) {
            Files.writeString(golden, json, StandardCharsets.UTF_8);
        }
        assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "mistakes", "denied"})
    void regradingABundleIsByteIdenticalApartFromGradedAt(String bundle) {
        Clock later = Clock.fixed(Instant.parse("2030-05-05T05:05:05Z"), ZoneOffset.UTC);

        String first = JsonReport.toJson(CheckCatalog.grader(RUBRIC).grade(EvidenceBundle.read(BUNDLES.resolve(bundle))));
        String second = JsonReport.toJson(new Grader(RUBRIC, CheckCatalog.index(), later)
                .grade(EvidenceBundle.read(BUNDLES.resolve(bundle))));

        assertThat(second.replaceAll("\"gradedAt\" : \"[^\"]+\"", "\"gradedAt\" : \"T\""))
                .isEqualTo(first.replaceAll("\"gradedAt\" : \"[^\"]+\"", "\"gradedAt\" : \"T\""));
        assertThat(second).contains("\"gradedAt\" : \"2030-05-05T05:05:05Z\"");
    }
}
