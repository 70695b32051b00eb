package labcheck.collect;

import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The shipped policy is read-only, and is exactly the set of actions the collector calls. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class ReadOnlyPolicyTest {

    @AfterEach
    void forgetExpectedViolations() {
        ReadOnlyGuard.clearViolations();
    }

    @Test
    void policyAllowsOnlyDescribeListAndGetActionsAndCloudTrailsEventHistory() {
        assertThat(ReadOnlyPolicy.actions()).isNotEmpty().allSatisfy(a -> assertThat(ReadOnlyGuard.isReadOnly(a))
                .as(a).isTrue());
        assertThat(ReadOnlyPolicy.actions()).filteredOn(a -> a.startsWith("cloudtrail:"))
                .containsExactly(ReadOnlyGuard.LOOKUP_EVENTS);
        assertThat(ReadOnlyPolicy.json()).contains("\"Effect\": \"Allow\"").doesNotContain("\"*\"]")
                .doesNotContain(":*\"");
    }

    @Test
    void docsCopyOfThePolicyIsTheShippedFile() throws Exception {
        assertThat(Files.readString(Path.of("../docs/iam-policy.json"))).isEqualTo(ReadOnlyPolicy.json());
    }

    @Test
    void policyIsExactlyTheActionsTheCollectorCallsAcrossTheScenarios() {
        ReadOnlyGuard.resetCalls();
        for (Lab lab : new Lab[] {Labs.good(), Labs.consoleReplicationGroup(), Labs.serverless()}) {
            try (FakeAws aws = FakeAws.start(lab)) {
                collect(aws, aws.settings().build(), "2026-11-25T17:00:00Z");
            }
        }
        Set<String> called = new TreeSet<>(ReadOnlyGuard.called());
        called.remove(ReadOnlyGuard.ASSUME_ROLE);

        assertThat(called).containsExactlyElementsOf(ReadOnlyPolicy.actions());
    }

    @Test
    void guardRejectsAMutatingCall() {
        try (FakeAws aws = FakeAws.start(Labs.good());
             Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(aws.url())).build()) {
            assertThatThrownBy(() -> ec2.createSecurityGroup(r -> r.groupName("x").description("x")))
                    .hasMessageContaining("labcheck called ec2:CreateSecurityGroup, which is not a read-only");
            assertThat(ReadOnlyGuard.violations()).hasSize(1);
            assertThat(aws.wireMock().getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void guardRejectsAReadCallMissingFromThePolicy() {
        try (FakeAws aws = FakeAws.start(Labs.good());
             Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(aws.url())).build()) {
            assertThatThrownBy(ec2::describeVpcs)
                    .hasMessageContaining("labcheck called ec2:DescribeVpcs, which is not in the shipped policy");
        }
    }

    @Test
    void iamActionNamesFollowTheSdkServiceNames() {
        assertThat(ReadOnlyPolicy.iamAction("EC2", "DescribeRouteTables")).isEqualTo("ec2:DescribeRouteTables");
        assertThat(ReadOnlyPolicy.iamAction("ElastiCache", "DescribeCacheClusters"))
                .isEqualTo("elasticache:DescribeCacheClusters");
        assertThat(ReadOnlyPolicy.iamAction("CloudWatch", "DescribeAlarms")).isEqualTo("cloudwatch:DescribeAlarms");
    }
}
