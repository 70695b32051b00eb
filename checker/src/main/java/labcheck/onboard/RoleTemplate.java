package labcheck.onboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import labcheck.collect.ReadOnlyPolicy;

/**
 * The CloudFormation template (YAML) that creates the grading role in a student's account: trust in
 * the judges' account with a required {@code sts:ExternalId}, the inline policy {@code labcheck policy}
 * prints (read from the same shipped file, so the two cannot drift), and the role's ARN as an output.
 * The judges' account, the external id and the role name are parameters whose defaults are the values
 * given, so one hosted template serves every student of a cohort through the quick-create link.
 *
 * <pre>{@code
 * String yaml = RoleTemplate.of(GradingRole.of("111122223333", "ws2026-s042", null, null)).yaml();
 * String more = RoleTemplate.of(role).withStatement(statement).yaml();   // one extra policy statement
 * }</pre>
 */
public final class RoleTemplate {

    /** The role's logical id in the template; its ARN is the output {@value #OUTPUT}. */
    public static final String RESOURCE = "GradingRole";
    public static final String OUTPUT = "RoleArn";
    public static final String POLICY_NAME = "labcheck-readonly";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GradingRole role;
    private final List<JsonNode> extraStatements;

    private RoleTemplate(GradingRole role, List<JsonNode> extraStatements) {
        this.role = role;
        this.extraStatements = List.copyOf(extraStatements);
    }

    public static RoleTemplate of(GradingRole role) {
        return new RoleTemplate(role, List.of());
    }

    /** This template with one more statement in the role's policy (an opt-in permission beside the read-only ones). */
    public RoleTemplate withStatement(JsonNode statement) {
        List<JsonNode> more = new ArrayList<>(extraStatements);
        more.add(statement.deepCopy());
        return new RoleTemplate(role, more);
    }

    /** The role's policy document: exactly {@code labcheck policy}, plus any statements added. */
    public JsonNode policy() {
        try {
            ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(ReadOnlyPolicy.json());
            ArrayNode statements = (ArrayNode) doc.get("Statement");
            extraStatements.forEach(s -> statements.add(s.deepCopy()));
            return doc;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template as a tree, for tests and for whoever wants JSON. */
    public ObjectNode tree() {
        ObjectNode t = NODES.objectNode();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", "labcheck: a read-only role the judges assume (with the external id) to grade the"
                + " Caching Server Lab in this account. Delete the stack after grading.");
        t.set("Parameters", parameters());
        ObjectNode properties = NODES.objectNode();
        properties.set("RoleName", ref("RoleName"));
        properties.put("Description", extraActions().isEmpty()
                ? "labcheck grading: Describe/List/Get only, assumed by the judges."
                : "labcheck grading: Describe/List/Get, and opt-in " + String.join(", ", extraActions())
                + ", assumed by the judges.");
        properties.put("MaxSessionDuration", 3600);
        properties.set("AssumeRolePolicyDocument", trust());
        ObjectNode inline = NODES.objectNode();
        inline.put("PolicyName", POLICY_NAME);
        inline.set("PolicyDocument", policy());
        properties.set("Policies", NODES.arrayNode().add(inline));
        ObjectNode resource = NODES.objectNode();
        resource.put("Type", "AWS::IAM::Role");
        resource.set("Properties", properties);
        t.set("Resources", NODES.objectNode().set(RESOURCE, resource));
        ObjectNode outputs = NODES.objectNode();
        outputs.set(OUTPUT, output("The role the judges assume: send it back in your roster row.",
                NODES.objectNode().set("Fn::GetAtt", NODES.arrayNode().add(RESOURCE).add("Arn"))));
        outputs.set("ExternalId", output("The external id the role requires.", ref("ExternalId")));
        t.set("Outputs", outputs);
        return t;
    }

    /** The YAML a student deploys, with a comment header saying what it is and how to deploy it. */
    public String yaml() {
        YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
        try {
            return "# labcheck grading role for the Caching Server Lab (made by `labcheck onboard`).\n"
                    + "# Deploy: aws cloudformation deploy --template-file role.yaml --stack-name " + role.stackName()
                    + " --capabilities CAPABILITY_NAMED_IAM\n"
                    + "# It grants read-only Describe/List/Get calls to the judges' account " + role.judgeAccount()
                    + ", and only with the external id.\n"
                    + (extraActions().isEmpty() ? "" : "# Beyond reads, opt-in: " + String.join(", ", extraActions())
                    + " (see the statement's Condition).\n")
                    + yaml.writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions of the added statements: said in the role's description, so nobody takes it for read-only. */
    private List<String> extraActions() {
        List<String> actions = new ArrayList<>();
        for (JsonNode s : extraStatements) {
            JsonNode a = s.path("Action");
            if (a.isArray()) {
                a.forEach(x -> actions.add(x.asText()));
            } else if (a.isTextual()) {
                actions.add(a.asText());
            }
        }
        return actions;
    }

    private ObjectNode parameters() {
        ObjectNode p = NODES.objectNode();
        if (role.judgePrincipal() == null) {
            p.set("JudgeAccountId", parameter(role.judgeAccount(), "\\d{12}",
                    "The judges' AWS account id (12 digits).", "a 12-digit AWS account id"));
        }
        p.set("ExternalId", parameter(role.externalId(), "[\\w+=,.@:/-]{2,1224}",
                "The external id the judges gave you; they must present it to assume the role.",
                "2 to 1224 letters, digits or + = , . @ : / - _"));
        p.set("RoleName", parameter(role.roleName(), "[\\w+=,.@-]{1,64}", "The grading role's name.",
                "1 to 64 letters, digits or + = , . @ - _"));
        return p;
    }

    private ObjectNode trust() {
        JsonNode principal = role.judgePrincipal() != null ? NODES.textNode(role.judgePrincipal())
                : NODES.objectNode().put("Fn::Sub", "arn:${AWS::Partition}:iam::${JudgeAccountId}:root");
        ObjectNode statement = NODES.objectNode();
        statement.put("Effect", "Allow");
        statement.set("Principal", NODES.objectNode().set("AWS", principal));
        statement.put("Action", "sts:AssumeRole");
        statement.set("Condition", NODES.objectNode().set("StringEquals",
                NODES.objectNode().set("sts:ExternalId", ref("ExternalId"))));
        ObjectNode doc = NODES.objectNode();
        doc.put("Version", "2012-10-17");
        doc.set("Statement", NODES.arrayNode().add(statement));
        return doc;
    }

    private static ObjectNode parameter(String value, String pattern, String description, String rule) {
        ObjectNode p = NODES.objectNode();
        p.put("Type", "String");
        p.put("Default", value);
        p.put("AllowedPattern", pattern);
        p.put("ConstraintDescription", "must be " + rule);
        p.put("Description", description);
        return p;
    }

    private static ObjectNode output(String description, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.put("Description", description);
        o.set("Value", value);
        return o;
    }

    private static ObjectNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }
}
