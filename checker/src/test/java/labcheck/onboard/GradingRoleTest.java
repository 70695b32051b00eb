package labcheck.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradingRoleTest {

    @Test
    void anAccountIdThatIsNotTwelveDigitsIsRefusedSayingWhatOneIs() {
        assertThatThrownBy(() -> GradingRole.of("11112222333", "ws2026", null, null))
                .hasMessage("--judge-account '11112222333' is not an AWS account id: it is 12 digits, e.g."
                        + " 111122223333 (the judges' account, from `aws sts get-caller-identity --query Account`).");
        assertThatThrownBy(() -> GradingRole.of("1111-2222-3333", "ws2026", null, null))
                .hasMessageStartingWith("--judge-account '1111-2222-3333' is not an AWS account id");
    }

    @Test
    void anExternalIdOutsideAwsRulesIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> GradingRole.of("111122223333", "x", null, null))
                .hasMessage("--external-id has 1 characters; AWS takes 2 to 1224. Fix: give one per student,"
                        + " e.g. --external-id ws2026-s042.");
        assertThatThrownBy(() -> GradingRole.of("111122223333", "x".repeat(1225), null, null))
                .hasMessageStartingWith("--external-id has 1225 characters; AWS takes 2 to 1224.");
        assertThatThrownBy(() -> GradingRole.of("111122223333", "ws 2026", null, null))
                .hasMessageStartingWith("--external-id holds a character AWS does not allow; it takes letters, digits"
                        + " and + = , . @ : / - _.");
    }

    @Test
    void theLongestAndShortestExternalIdsAndAwsPunctuationAreAccepted() {
        assertThat(GradingRole.of("111122223333", "ab", null, null).externalId()).isEqualTo("ab");
        assertThat(GradingRole.of("111122223333", "a".repeat(1224), null, null).roleName())
                .isEqualTo(GradingRole.DEFAULT_ROLE_NAME);
        assertThat(GradingRole.of("111122223333", "ws2026:s042/a+b=c,d.e@f-g_h", null, null).externalId())
                .isEqualTo("ws2026:s042/a+b=c,d.e@f-g_h");
    }

    @Test
    void aRoleNameOrPrincipalAwsWouldRefuseIsRefused() {
        assertThatThrownBy(() -> GradingRole.of("111122223333", "ws2026", "grading role", null))
                .hasMessageStartingWith("--role-name 'grading role' is not an IAM role name");
        assertThatThrownBy(() -> GradingRole.of("111122223333", "ws2026", null, "arn:aws:iam::999988887777:role/ci"))
                .hasMessageStartingWith("--judge-principal 'arn:aws:iam::999988887777:role/ci' is not a role or user"
                        + " of account 111122223333.");
    }
}
