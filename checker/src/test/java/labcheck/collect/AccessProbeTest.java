package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The preflight's permission probe asks every action of the shipped policy, and reads denials as the collection does. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AccessProbeTest {

    @Test
    void everyActionOfThePolicyHasItsProbe() {
        assertThat(AccessProbe.unprobed()).as("add a probe to AccessProbe.CALLS for each new policy action").isEmpty();
        assertThat(AccessProbe.probedActions()).containsExactlyElementsOf(ReadOnlyPolicy.actions());
    }

    @Test
    void aDeniedActionIsNamedAndTheOthersAnswer() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.deny("ec2:DescribeRouteTables");

            AccessProbe.Result r = AccessProbe.run(aws.settings().build());

            assertThat(r.failure()).isNull();
            assertThat(r.identity()).isEqualTo("arn:aws:iam::123456789012:user/student");
            assertThat(r.denied()).containsOnlyKeys("ec2:DescribeRouteTables");
            assertThat(r.denied().get("ec2:DescribeRouteTables").message())
                    .contains("grant ec2:DescribeRouteTables");
        }
    }

    @Test
    void expiredCredentialsAreAFailureNotADeniedList() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.expireToken();

            AccessProbe.Result r = AccessProbe.run(aws.settings().build());

            assertThat(r.failure()).startsWith("The AWS session token has expired");
            assertThat(r.denied()).isEmpty();
        }
    }
}
