package labcheck.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import labcheck.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Region, profile and endpoint come from where AWS users already put them. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsClientsTest {

    @Test
    void profileSuppliesRegionAndCredentials(@TempDir Path home) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile lab]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(home.resolve("credentials"),
                "[lab]\naws_access_key_id = profile-key-id\naws_secret_access_key = profile-secret\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (FakeAws aws = FakeAws.start(Labs.good());
             AwsCollector collector = AwsCollector.create(aws.settings().region(null).profile("lab").build())) {
            assertThat(collector.region()).isEqualTo("eu-west-1");
            collector.collect(Evidence.empty(null, "t"));

            aws.wireMock().verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeSubnets&"))
                    .withHeader("Authorization", containing("Credential=profile-key-id/"))
                    .withHeader("Authorization", containing("/eu-west-1/ec2/aws4_request")));
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void missingProfileFailsWithOneClearMessage(@TempDir Path home) throws Exception {
        System.setProperty("aws.configFile", Files.writeString(home.resolve("config"), "").toString());
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(home.resolve("credentials"), "").toString());
        try (FakeAws aws = FakeAws.start(Labs.good());
             AwsCollector collector = AwsCollector.create(aws.settings().profile("nobody").build())) {
            assertThatThrownBy(() -> collector.collect(Evidence.empty(null, "t")))
                    .isInstanceOf(AwsSetupException.class)
                    .hasMessageStartingWith("No AWS credentials found for profile nobody: pass --profile NAME");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void sdksOwnEndpointSettingIsHonouredWithoutTheFlag() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            System.setProperty("aws.endpointUrl", aws.url());
            try {
                Evidence e = collect(aws, aws.settings().endpointUrl(null).build());
                assertThat(e.cacheClusters().value()).hasSize(1);
                assertThat(e.alarms().value()).hasSize(1);
            } finally {
                System.clearProperty("aws.endpointUrl");
            }
        }
    }

    @Test
    void sessionNameIsLabcheckAndTheUserWithinStsLimits() {
        String before = System.getProperty("user.name");
        try {
            System.setProperty("user.name", "Ana María/o'neil " + "x".repeat(80));
            assertThat(AwsClients.sessionName()).startsWith("labcheck-Ana_Mar_a_o_neil_x").hasSize(64)
                    .matches("[\\w+=,.@-]+");
        } finally {
            System.setProperty("user.name", before);
        }
    }

    @Test
    void settingsRejectWhatCannotWorkWithAMessage() {
        assertThatThrownBy(() -> AwsSettings.builder().clusterId(" ").build())
                .hasMessageStartingWith("clusterId is required");
        assertThatThrownBy(() -> AwsSettings.builder().clusterId("c").roleArn("labcheck").build())
                .hasMessageStartingWith("--role-arn must be a role ARN");
        assertThatThrownBy(() -> AwsSettings.builder().clusterId("c").endpointUrl("localhost:4566").build())
                .hasMessageStartingWith("--endpoint-url must be an absolute URL");
    }
}
