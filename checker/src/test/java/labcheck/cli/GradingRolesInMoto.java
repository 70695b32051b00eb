package labcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import labcheck.collect.MotoLab;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Test setup in moto: the template {@code labcheck onboard} prints, deployed through CloudFormation as a
 * student would; a judge's IAM user allowed sts:AssumeRole; and moto's IAM enforcement switched on, so
 * the role's trust (external id) and policy are what AWS would enforce. Every client here is a setup
 * client ({@code ReadOnlyGuard.SETUP}): labcheck itself never calls CloudFormation or IAM.
 */
final class GradingRolesInMoto {

    static final String JUDGE = "arn:aws:iam::123456789012:user/judge";

    private final String endpoint;

    GradingRolesInMoto(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The template {@code labcheck onboard} prints for these arguments. */
    static String template(String... args) {
        StringWriter out = new StringWriter();
        var cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 1];
        all[0] = "onboard";
        System.arraycopy(args, 0, all, 1, args.length);
        if (cli.execute(all) != 0) {
            throw new IllegalStateException("onboard failed for " + String.join(" ", args));
        }
        return out.toString();
    }

    /** Deploys {@code template} as stack {@code name}; returns its RoleArn output. */
    String deploy(String name, String template) {
        try (CloudFormationClient cf = MotoLab.setup(CloudFormationClient.builder(), endpoint).build()) {
            cf.createStack(r -> r.stackName(name).templateBody(template).capabilities(Capability.CAPABILITY_NAMED_IAM));
            var stack = cf.describeStacks(r -> r.stackName(name)).stacks().get(0);
            if (!stack.stackStatusAsString().equals("CREATE_COMPLETE")) {
                throw new IllegalStateException("stack " + name + " is " + stack.stackStatusAsString());
            }
            return stack.outputs().stream().filter(o -> o.outputKey().equals("RoleArn")).map(Output::outputValue)
                    .findFirst().orElseThrow();
        }
    }

    /**
     * moto 5.2 stores a CloudFormation role's inline policy in a shape its own authorizer cannot read
     * (KeyError 'policy_document'); writing the template's document again through IAM stores it as IAM's
     * PutRolePolicy does, so what is enforced is still the template's policy, minus {@code withoutAction}.
     */
    void putTemplatePolicy(String roleName, String template, String withoutAction) throws Exception {
        JsonNode policy = new YAMLMapper().readTree(template).path("Resources").path("GradingRole")
                .path("Properties").path("Policies").get(0).path("PolicyDocument").deepCopy();
        ArrayNode actions = (ArrayNode) policy.path("Statement").get(0).path("Action");
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).asText().equals(withoutAction)) {
                actions.remove(i);
            }
        }
        try (IamClient iam = MotoLab.setup(IamClient.builder(), endpoint).build()) {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("labcheck-readonly")
                    .policyDocument(policy.toString()));
        }
    }

    /** The judges' IAM user, allowed sts:AssumeRole and nothing else; its access key. */
    AccessKey judge() {
        try (IamClient iam = MotoLab.setup(IamClient.builder(), endpoint).build()) {
            iam.createUser(r -> r.userName("judge"));
            iam.putUserPolicy(r -> r.userName("judge").policyName("assume").policyDocument("{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Resource\":\"*\"}]}"));
            return iam.createAccessKey(r -> r.userName("judge")).accessKey();
        }
    }

    /** Two grading roles from onboard's template and the judge who assumes them; IAM enforced from then on. */
    record TwoRoles(String fullArn, String partialArn, AccessKey judge) {
    }

    /**
     * Deploys {@code labcheck-grading} (external id ws-good, the whole policy) and {@code labcheck-partial}
     * (ws-partial, the policy without {@code withoutAction}) as a student would, creates the judge and
     * switches IAM enforcement on.
     */
    TwoRoles deployTwoRoles(String withoutAction) throws Exception {
        String full = template("--judge-account", "123456789012", "--external-id", "ws-good",
                "--judge-principal", JUDGE);
        String partial = template("--judge-account", "123456789012", "--external-id", "ws-partial",
                "--judge-principal", JUDGE, "--role-name", "labcheck-partial");
        String fullArn = deploy("labcheck-grading", full);
        String partialArn = deploy("labcheck-partial", partial);
        putTemplatePolicy("labcheck-grading", full, null);
        putTemplatePolicy("labcheck-partial", partial, withoutAction);
        AccessKey judge = judge();
        enforceIam();
        return new TwoRoles(fullArn, partialArn, judge);
    }

    /** From now on moto checks every request's signature and the caller's IAM policies, as AWS does. */
    void enforceIam() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(endpoint + "/moto-api/reset-auth")).POST(HttpRequest.BodyPublishers.ofString("0")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("moto did not enforce IAM: " + r.body());
        }
    }

    /** Runs {@code body} with the judge's keys as the SDK's credentials, then the tests' fake ones again. */
    static void asJudge(AccessKey key, ThrowingRunnable body) throws Exception {
        System.setProperty("aws.accessKeyId", key.accessKeyId());
        System.setProperty("aws.secretAccessKey", key.secretAccessKey());
        try {
            body.run();
        } finally {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
