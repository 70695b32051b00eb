package labcheck.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import labcheck.collect.ReadOnlyPolicy;
import org.junit.jupiter.api.Test;

class RoleTemplateTest {

    private static final GradingRole ROLE = GradingRole.of("111122223333", "ws2026-s042", null, null);

    static JsonNode parsed(String yaml) throws Exception {
        return new YAMLMapper().readTree(yaml);
    }

    static JsonNode role(JsonNode template) {
        return template.path("Resources").path(RoleTemplate.RESOURCE);
    }

    /** Every action any statement of the template's role allows, in its policies and its trust. */
    static List<String> actions(JsonNode template) {
        List<String> all = new ArrayList<>();
        JsonNode props = role(template).path("Properties");
        List<JsonNode> statements = new ArrayList<>();
        props.path("AssumeRolePolicyDocument").path("Statement").forEach(statements::add);
        props.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        for (JsonNode s : statements) {
            JsonNode a = s.path("Action");
            if (a.isArray()) {
                a.forEach(x -> all.add(x.asText()));
            } else {
                all.add(a.asText());
            }
        }
        return all;
    }

    @Test
    void theRolesInlinePolicyIsExactlyThePolicyLabcheckPrints() throws Exception {
        JsonNode template = parsed(RoleTemplate.of(ROLE).yaml());

        JsonNode policies = role(template).path("Properties").path("Policies");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).path("PolicyDocument")).isEqualTo(new ObjectMapper().readTree(ReadOnlyPolicy.json()));
    }

    @Test
    void theTemplateHoldsNoWriteActionOnlyReadsAndTheAssumeRoleOfItsTrust() throws Exception {
        JsonNode template = parsed(RoleTemplate.of(ROLE).yaml());

        assertThat(actions(template)).isNotEmpty().allSatisfy(a -> assertThat(a)
                .matches("[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*|cloudtrail:LookupEvents|sts:AssumeRole"));
        assertThat(actions(template)).filteredOn(a -> a.equals("sts:AssumeRole")).hasSize(1);
        assertThat(role(template).path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0)
                .path("Action").asText()).isEqualTo("sts:AssumeRole");
    }

    @Test
    void trustIsTheJudgesAccountWithARequiredExternalId() throws Exception {
        JsonNode template = parsed(RoleTemplate.of(ROLE).yaml());

        JsonNode trust = role(template).path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0);
        assertThat(trust.path("Principal").path("AWS").path("Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:iam::${JudgeAccountId}:root");
        assertThat(trust.path("Condition").path("StringEquals").path("sts:ExternalId").path("Ref").asText())
                .isEqualTo("ExternalId");
        assertThat(template.path("Parameters").path("JudgeAccountId").path("Default").asText()).isEqualTo("111122223333");
        assertThat(template.path("Parameters").path("ExternalId").path("Default").asText()).isEqualTo("ws2026-s042");
        assertThat(template.path("Parameters").path("RoleName").path("Default").asText()).isEqualTo("labcheck-grading");
        assertThat(template.path("Outputs").path(RoleTemplate.OUTPUT).path("Value").path("Fn::GetAtt"))
                .hasToString("[\"GradingRole\",\"Arn\"]");
    }

    @Test
    void aJudgePrincipalIsTrustedAloneAndTheAccountParameterGoes() throws Exception {
        GradingRole ci = GradingRole.of("111122223333", "ws2026-s042", "grader", "arn:aws:iam::111122223333:role/ci");
        JsonNode template = parsed(RoleTemplate.of(ci).yaml());

        JsonNode trust = role(template).path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0);
        assertThat(trust.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:role/ci");
        assertThat(template.path("Parameters").has("JudgeAccountId")).isFalse();
        assertThat(template.path("Parameters").path("RoleName").path("Default").asText()).isEqualTo("grader");
    }

    @Test
    void oneMoreStatementIsAddedAfterTheReadOnlyOnesAndTheDefaultStaysThePolicy() throws Exception {
        var statement = JsonNodeFactory.instance.objectNode().put("Sid", "Extra").put("Effect", "Allow")
                .put("Action", "ec2-instance-connect:SendSSHPublicKey").put("Resource", "*");
        RoleTemplate plain = RoleTemplate.of(ROLE);

        JsonNode extended = plain.withStatement(statement).policy();

        assertThat(extended.path("Statement")).hasSize(2);
        assertThat(extended.path("Statement").get(1).path("Sid").asText()).isEqualTo("Extra");
        assertThat(plain.policy()).isEqualTo(new ObjectMapper().readTree(ReadOnlyPolicy.json()));
    }

    @Test
    void theYamlSaysWhatItIsAndHowToDeployItInComments() {
        String yaml = RoleTemplate.of(ROLE).yaml();

        assertThat(yaml).startsWith("# labcheck grading role").contains("# Deploy: aws cloudformation deploy"
                + " --template-file role.yaml --stack-name labcheck-grading --capabilities CAPABILITY_NAMED_IAM");
        assertThat(yaml).doesNotContain("---");
    }
}
