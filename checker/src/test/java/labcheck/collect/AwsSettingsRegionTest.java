package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsSettingsRegionTest {

    private static AwsSettings.Builder lab() {
        return AwsSettings.builder().clusterId("product-cache-cluster");
    }

    @Test
    void aMistypedRegionIsAUsageErrorNamingTheLabsRegion() {
        assertThatThrownBy(() -> lab().region("us-east-9").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--region us-east-9 is not an AWS region (e.g. us-east-1, eu-west-1). Fix: give the region"
                        + " the lab was built in; the lab's is us-east-1.");
        assertThatThrownBy(() -> lab().region("aws-global").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realRegionsAndEmulatorRegionsAreAccepted() {
        assertThat(lab().region("us-east-1").build().region()).isEqualTo("us-east-1");
        assertThat(lab().region("ap-southeast-2").build().region()).isEqualTo("ap-southeast-2");
        // an emulator accepts any name: no check when an endpoint is given
        assertThat(lab().region("local").endpointUrl("http://127.0.0.1:20001").build().region()).isEqualTo("local");
    }
}
