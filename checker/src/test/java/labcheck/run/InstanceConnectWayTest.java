package labcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labcheck.collect.AwsCollector;
import labcheck.collect.AwsSettings;
import labcheck.collect.FakeAws;
import labcheck.collect.FreePort;
import labcheck.collect.InstanceConnectFake;
import labcheck.collect.Labs;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.Unavailable;
import labcheck.reach.Reach;
import labcheck.reach.ReachException;
import labcheck.reach.SshSettings;
import labcheck.reach.Sshd;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way in by EC2 Instance Connect, end to end on loopback: the fake AWS (the instance at 127.0.0.1 in
 * us-east-1a) takes the push, and Debian's real sshd asks for keys only through its AuthorizedKeysCommand,
 * which reads what the fake received and refuses a key past its 60 s.
 */
class InstanceConnectWayTest {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void needsSshd() {
        Assumptions.assumeTrue(Sshd.unavailable() == null, Sshd.unavailable());
    }

    private static Evidence collected(FakeAws aws) {
        AwsSettings s = settings(aws);
        try (AwsCollector c = AwsCollector.create(s)) {
            return c.collect(Evidence.empty(new Subject("s1", null, "us-east-1", Labs.CLUSTER, null, null, "aws"),
                    "2026-01-01T00:00:00Z"));
        }
    }

    private static AwsSettings settings(FakeAws aws) {
        return AwsSettings.builder().region("us-east-1").endpointUrl(aws.url()).clusterId(Labs.CLUSTER)
                .appUrl("http://127.0.0.1").callTimeout(Duration.ofSeconds(20)).build();
    }

    private Reach open(SshSettings ssh, FakeAws aws, Evidence evidence) throws ReachException {
        return new InstanceConnectWay(ssh, settings(aws), evidence, progress::add)
                .open(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
    }

    @Test
    void aKeyPastItsSixtySecondsIsRefusedAndOneNewPushGetsInWithNoKeyFile() throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("127.0.0.1"))) {
            InstanceConnectFake fake = aws.instanceConnect(dir.resolve("pushed"));
            try (Sshd sshd = Sshd.start(dir, "127.0.0.1", null, fake.sshdConfig())) {
                // GIVEN the first key pushed is recorded as pushed 61 s ago: the instance's command refuses it
                fake.ageNextPushes(1);
                SshSettings ssh = SshSettings.viaInstanceConnect(sshd.target(USER), null,
                        sshd.knownHosts(dir.resolve("known_hosts")), false);

                // WHEN labcheck goes in by EC2 Instance Connect, the instance found at the --ssh address
                try (Reach reach = open(ssh, aws, collected(aws))) {
                    // THEN it is in, after a second push, on the instance AWS showed at that address, in its zone
                    assertThat(fake.pushes()).isEqualTo(2);
                    assertThat(fake.lastPush().orElseThrow().path("InstanceId").asText()).isEqualTo("i-0app");
                    assertThat(fake.lastPush().orElseThrow().path("AvailabilityZone").asText()).isEqualTo("us-east-1a");
                    assertThat(fake.lastPush().orElseThrow().path("InstanceOSUser").asText()).isEqualTo(USER);
                    assertThat(reach.notes().get(0)).startsWith("Reached EC2 instance i-0app (us-east-1a) with EC2"
                            + " Instance Connect: a one-time ed25519 key (SHA256:").contains("no key pair was needed")
                            .contains("sshd refused the first key pushed").doesNotContain("PRIVATE");
                    assertThat(progress).anyMatch(l -> l.contains("pushing a new one once"));
                }
            }
        }
    }

    @Test
    void anInstanceWhoseSshdDoesNotAskInstanceConnectRefusesBothKeysAndTheMessageNamesTheAmisThatShipIt()
            throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("127.0.0.1"))) {
            aws.instanceConnect(dir.resolve("pushed"));
            // GIVEN an sshd with only its authorized_keys file, as on an AMI without EC2 Instance Connect
            try (Sshd sshd = Sshd.start(dir, "127.0.0.1", null)) {
                SshSettings ssh = SshSettings.viaInstanceConnect(sshd.target(USER), null,
                        sshd.knownHosts(dir.resolve("known_hosts")), false);

                assertThatThrownBy(() -> open(ssh, aws, collected(aws)))
                        .hasMessageContaining("refused the key pushed with EC2 Instance Connect for user " + USER
                                + " twice")
                        .hasMessageContaining("Amazon Linux 2023 and Amazon Linux 2").hasMessageContaining("Ubuntu")
                        .hasMessageContaining("--ssh-key");
            }
        }
    }

    @Test
    void accessDeniedOnThePushStopsBeforeAnyConnectionWithThePolicyToAdd() throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("127.0.0.1"))) {
            aws.instanceConnect(dir.resolve("pushed")).deny();
            SshSettings ssh = SshSettings.viaInstanceConnect("ec2-user@127.0.0.1:" + FreePort.find(), null, null,
                    false);

            assertThatThrownBy(() -> open(ssh, aws, collected(aws)))
                    .hasMessageStartingWith("AWS denied ec2-instance-connect:SendSSHPublicKey on EC2 instance i-0app"
                            + " for OS user ec2-user").hasMessageContaining("labcheck policy --instance-connect");
            assertThat(progress).noneMatch(l -> l.startsWith("Connecting"));
        }
    }

    @Test
    void noSshdAtTheInstancesAddressNamesItsSecurityGroupAndTheSourcesThatMayConnect() throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("127.0.0.1"))) {
            aws.instanceConnect(dir.resolve("pushed"));
            SshSettings ssh = SshSettings.viaInstanceConnect("ec2-user@127.0.0.1:" + FreePort.find(), null, null,
                    false);

            assertThatThrownBy(() -> open(ssh, aws, collected(aws)))
                    .hasMessageContaining("refused the connection or is not routable")
                    .hasMessageContaining("EC2 instance i-0app is in security group sg-0app")
                    .hasMessageContaining("Fix: add an inbound rule to sg-0app");
        }
    }

    @Test
    void theInstanceIsFoundByIdWithItsPublicAddressOrEachFaultSaysWhatToGive() throws Exception {
        try (FakeAws aws = FakeAws.start(Labs.appInstanceAt("3.80.1.2"))) {
            Evidence e = collected(aws);
            // by id alone: its public address, its zone
            InstanceConnectWay.Found f = InstanceConnectWay.find(SshSettings.viaInstanceConnect("ubuntu", "i-0app",
                    null, false), e);
            assertThat(f.target().toString()).isEqualTo("ubuntu@3.80.1.2:22");
            assertThat(f.zone()).isEqualTo("us-east-1a");
            // nothing to find it by
            assertThatThrownBy(() -> InstanceConnectWay.find(SshSettings.viaInstanceConnect(null, null, null, false),
                    e)).hasMessageContaining("give --ssh USER@ADDRESS");
            // an address no instance has
            assertThatThrownBy(() -> InstanceConnectWay.find(SshSettings.viaInstanceConnect("ec2-user@3.9.9.9", null,
                    null, false), e)).hasMessageContaining("no EC2 instance AWS showed labcheck has the address 3.9.9.9");
            // no public address
            Evidence privateOnly = e.toBuilder().instances(e.instances().map(l -> l.stream().map(i -> i.toBuilder()
                    .publicIpAddress(null).build()).toList())).build();
            assertThatThrownBy(() -> InstanceConnectWay.find(SshSettings.viaInstanceConnect(null, "i-0app", null,
                    false), privateOnly)).hasMessageContaining("has no public IPv4 address")
                    .hasMessageContaining("EC2 Instance Connect Endpoint");
            // no EC2 evidence: both the id and the address are needed
            Evidence denied = e.toBuilder().instances(Fact.unavailable(Unavailable.accessDenied(
                    "ec2:DescribeInstances"))).build();
            assertThatThrownBy(() -> InstanceConnectWay.find(SshSettings.viaInstanceConnect(null, "i-0app", null,
                    false), denied)).hasMessageContaining("give both --instance-id i-... and --ssh USER@ADDRESS");
            assertThat(InstanceConnectWay.find(SshSettings.viaInstanceConnect("ec2-user@3.80.1.2", "i-0app", null,
                    false), denied).zone()).isNull();
        }
    }

    static {
        FakeAws.useFakeCredentials();
    }
}
