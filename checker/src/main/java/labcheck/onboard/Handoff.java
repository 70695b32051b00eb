package labcheck.onboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What goes beside the template: how a student deploys it (the CLI, or the console's quick-create
 * link), the roster row they send back, and how an AWS Organization deploys it to every competitor
 * account at once (a StackSet).
 *
 * <pre>{@code
 * Handoff h = new Handoff(role, "us-east-1", "https://bucket.s3.amazonaws.com/role.yaml", "s042");
 * h.lines().forEach(System.err::println);
 * }</pre>
 *
 * @param templateUrl where the judges host the template (an S3 https URL), or null for a placeholder
 * @param studentId   the student's id as the roster names it, or null for a placeholder
 */
public record Handoff(GradingRole role, String region, String templateUrl, String studentId) {

    static final String URL_PLACEHOLDER = "https://YOUR-BUCKET.s3.amazonaws.com/labcheck-role.yaml";

    /** The console's quick-create link: the template, the stack name and the parameters filled in. */
    public String quickCreateLink() {
        StringBuilder link = new StringBuilder("https://console.aws.amazon.com/cloudformation/home?region=")
                .append(encode(region)).append("#/stacks/quickcreate?templateURL=")
                .append(encode(templateUrl == null ? URL_PLACEHOLDER : templateUrl))
                .append("&stackName=").append(encode(role.stackName()));
        if (role.judgePrincipal() == null) {
            link.append("&param_JudgeAccountId=").append(role.judgeAccount());
        }
        return link.append("&param_ExternalId=").append(encode(role.externalId()))
                .append("&param_RoleName=").append(encode(role.roleName())).toString();
    }

    /** The row the student sends back: {@code student_id,role_arn,external_id,region}. */
    public String rosterRow() {
        return (studentId == null ? "STUDENT_ID" : studentId) + ",arn:aws:iam::STUDENT_ACCOUNT_ID:role/"
                + role.roleName() + "," + role.externalId() + "," + region;
    }

    public List<String> lines() {
        String stack = role.stackName();
        return List.of(
                "labcheck onboard: the template above creates the read-only role " + role.roleName() + ", which the"
                        + " judges' account " + role.judgeAccount() + (role.judgePrincipal() == null ? ""
                        : " (only " + role.judgePrincipal() + ")") + " may assume with external id "
                        + role.externalId() + ".",
                "",
                "The student deploys it in their own account, with the AWS CLI:",
                "  aws cloudformation deploy --template-file role.yaml --stack-name " + stack
                        + " --capabilities CAPABILITY_NAMED_IAM --region " + region,
                "or in the console, from the template the judges host (upload it to S3, e.g. `aws s3 cp role.yaml"
                        + " s3://YOUR-BUCKET/labcheck-role.yaml`, and give --template-url):",
                "  " + quickCreateLink(),
                "",
                "Then the student sends back one roster row (student_id,role_arn,external_id,region); the role ARN is"
                        + " the stack's output:",
                "  aws cloudformation describe-stacks --stack-name " + stack + " --region " + region
                        + " --query \"Stacks[0].Outputs[?OutputKey=='" + RoleTemplate.OUTPUT
                        + "'].OutputValue\" --output text",
                "  " + rosterRow(),
                "Check every row before the deadline: labcheck batch --preflight roster.csv",
                "",
                "Competitor accounts in one AWS Organization: deploy it to all of them at once as a StackSet from the"
                        + " management account (IAM is global: one region is enough):",
                "  aws cloudformation create-stack-set --stack-set-name " + stack + " --template-body file://role.yaml"
                        + " --capabilities CAPABILITY_NAMED_IAM --permission-model SERVICE_MANAGED"
                        + " --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false",
                "  aws cloudformation create-stack-instances --stack-set-name " + stack
                        + " --deployment-targets OrganizationalUnitIds=ou-xxxx-xxxxxxxx --regions " + region,
                "  Every account then shares this external id; give an account its own with update-stack-instances"
                        + " --deployment-targets Accounts=ID --parameter-overrides"
                        + " ParameterKey=ExternalId,ParameterValue=ID-OF-THAT-STUDENT.",
                "Delete the stack (or the StackSet) after grading: the role is then gone.");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
