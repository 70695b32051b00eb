package labcheck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.Test;

class SampleAccountTest {

    @Test
    void sampleAccountHoldsExactlyWhatTheCollectorWroteForTheGoodLab() {
        // ScenarioBundlesTest keeps good-lab equal to the collector's own output
        Evidence collected = EvidenceBundle.read(Path.of("src/test/resources/aws/bundles/good-lab"));
        Evidence sample = SampleAccount.evidence();

        assertThat(sample.withSubject(collected.subject())).isEqualTo(collected);
        assertThat(sample.subject().source()).isEqualTo(SampleAccount.SOURCE);
    }
}
