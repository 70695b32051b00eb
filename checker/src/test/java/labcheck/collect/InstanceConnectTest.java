package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SendSSHPublicKey through the real SDK client against the fake's AWS-shaped JSON 1.1 endpoint. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class InstanceConnectTest {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm5Gq2ZP0y0mPsYm2x5Xb7zSlJtZdZ3vB8n0yqVq1pO"
            + " labcheck-instance-connect";

    @TempDir
    Path dir;

    @Test
    void aPushForTheLabsRunningInstanceIsAcceptedAndReachesTheInstanceAsTheRequestSaidIt() throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("54.12.34.56"))) {
            InstanceConnectFake fake = aws.instanceConnect(dir);
            try (InstanceConnect ic = InstanceConnect.create(aws.settings().build(), Duration.ofSeconds(10))) {
                String request = ic.push("i-0app", "us-east-1a", "ec2-user", KEY);

                assertThat(request).isNotBlank();
                assertThat(fake.lastPush().orElseThrow().path("InstanceOSUser").asText()).isEqualTo("ec2-user");
                assertThat(fake.lastPush().orElseThrow().path("AvailabilityZone").asText()).isEqualTo("us-east-1a");
                assertThat(Files.readString(dir.resolve("ec2-user"))).contains(KEY);
                // AND the guard saw the opt-in action, made on its one path
                assertThat(ReadOnlyGuard.pushed()).isEqualTo(Set.of(InstanceConnect.ACTION));
            }
        }
    }

    @Test
    void accessDeniedOnThePushNamesTheActionTheOsUserAndThePolicyToAdd() {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("54.12.34.56"))) {
            aws.instanceConnect(dir).deny();
            try (InstanceConnect ic = InstanceConnect.create(aws.settings().build(), Duration.ofSeconds(10))) {
                assertThatThrownBy(() -> ic.push("i-0app", "us-east-1a", "ec2-user", KEY))
                        .isInstanceOf(InstanceConnect.Refused.class)
                        .satisfies(e -> assertThat(((InstanceConnect.Refused) e).denied()).isTrue())
                        .hasMessageStartingWith("AWS denied ec2-instance-connect:SendSSHPublicKey on EC2 instance"
                                + " i-0app for OS user ec2-user (AccessDeniedException)")
                        .hasMessageContaining("labcheck policy --instance-connect --os-user ec2-user")
                        .hasMessageContaining("--ssh-key")
                        .hasMessageNotContaining(KEY.split(" ")[1]);
            }
        }
    }

    @Test
    void anUnknownInstanceAndAStoppedOneAreRefusedWithTheirFixes() {
        Lab stopped = Labs.appInstanceAt("54.12.34.56");
        stopped = new Lab(stopped.clusters(), stopped.groups(), stopped.serverless(), stopped.subnetGroups(),
                stopped.subnets(), stopped.routeTables(), stopped.securityGroups(), stopped.instances().stream()
                .map(i -> i.toBuilder().state("stopped").build()).toList(), stopped.dbs(), stopped.alarms());
        try (FakeAws aws = FakeAws.start(stopped);
             InstanceConnect ic = InstanceConnect.create(aws.settings().build(), Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> ic.push("i-0nothere1", null, "ec2-user", KEY))
                    .hasMessageContaining("knows no instance i-0nothere1").hasMessageContaining("--instance-id");
            assertThatThrownBy(() -> ic.push("i-0app", null, "ec2-user", KEY))
                    .hasMessageContaining("the instance is not running").hasMessageContaining("start it");
        }
    }
}
