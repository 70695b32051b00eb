package labcheck.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void thresholdsAreNamedAsTheRubricFileSpellsThem() {
        List<String> inTheFile = Arrays.stream(RubricDocument.ThresholdsDocument.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(Thresholds.names()).containsExactlyElementsOf(inTheFile);
        assertThat(Thresholds.seedDefaults().values().keySet()).containsExactlyElementsOf(inTheFile);
    }

    @Test
    void asTextWritesWholeNumbersWithoutAPointAndListsAsChoices() {
        Thresholds seed = Thresholds.seedDefaults();
        Thresholds two = new Thresholds("c", List.of("cache.t2.micro", "cache.t3.micro"), List.of("redis", "valkey"),
                7, 1, 6379, 3600, 50, 82.5, 100, 1000, 0.25, 100);

        assertThat(seed.asText()).containsEntry("clusterId", "product-cache-cluster")
                .containsEntry("hitRatioPercent", "80").containsEntry("ttlMaxSeconds", "3600")
                .containsEntry("allowedNodeTypes", "cache.t2.micro")
                .containsEntry("lazyLoadingShareWhenHitsQueryDb", "0");
        assertThat(two.asText()).containsEntry("allowedNodeTypes", "cache.t2.micro or cache.t3.micro")
                .containsEntry("hitRatioPercent", "82.5").containsEntry("lazyLoadingShareWhenHitsQueryDb", "0.25");
    }
}
