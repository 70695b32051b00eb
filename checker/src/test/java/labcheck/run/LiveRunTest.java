package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.collect.FakeAws;
import labcheck.collect.Labs;
import labcheck.evidence.Evidence;
import labcheck.evidence.Subject;
import org.junit.jupiter.api.Test;

class LiveRunTest {

    @Test
    void credentialsAwsRejectsAreMarkedSoTheBatchCanStopOnThem() {
        // GIVEN an AWS endpoint whose session has expired
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            FakeAws.useFakeCredentials();
            aws.expireToken();
            AwsSettings settings = AwsSettings.builder().region("us-east-1").endpointUrl(aws.url())
                    .clusterId(Labs.CLUSTER).callTimeout(Duration.ofSeconds(20)).build();
            Subject subject = new Subject("s1", null, "us-east-1", Labs.CLUSTER, null, null, "aws");

            // WHEN a live run gathers the AWS evidence
            Evidence e = LiveRun.gather(new LiveRun.Plan(subject, settings, null), Clock.systemUTC(), line -> { },
                    saved -> { });

            // THEN every AWS fact says the credentials were rejected, with the fix
            assertThat(e.identity().unavailable().code()).isEqualTo(AwsSetupException.CREDENTIALS_REJECTED);
            assertThat(e.cacheClusters().unavailable().message()).startsWith("The AWS session token has expired");
        }
    }
}
