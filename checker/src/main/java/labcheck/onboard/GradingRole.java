package labcheck.onboard;

import java.util.regex.Pattern;

/**
 * Who may grade a student's account, and as what: the judges' account (or one principal in it), the
 * external id the trust policy requires, and the role's name. Validated here, so a typo is refused
 * with the rule and an example before any template is printed.
 *
 * <pre>{@code
 * GradingRole role = GradingRole.of("111122223333", "ws2026-s042", null, null);
 * role.principal();   // arn:aws:iam::111122223333:root
 * }</pre>
 *
 * @param judgeAccount   the judges' 12-digit AWS account id
 * @param externalId     what AssumeRole must present as {@code sts:ExternalId}
 * @param roleName       the role's name in the student's account
 * @param judgePrincipal one role or user of the judges' account trusted alone, or null for the whole account
 */
public record GradingRole(String judgeAccount, String externalId, String roleName, String judgePrincipal) {

    /** The role's name when none is given; the stack is named after it in the hand-off text. */
    public static final String DEFAULT_ROLE_NAME = "labcheck-grading";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** AWS's rule for sts:ExternalId: 2 to 1224 of these characters. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** AWS's rule for a role name: 1 to 64 of these characters. */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):(role|user)/[\\w+=,.@/-]+");

    public GradingRole {
        if (judgeAccount == null || !ACCOUNT.matcher(judgeAccount.trim()).matches()) {
            throw new IllegalArgumentException("--judge-account '" + shown(judgeAccount) + "' is not an AWS account"
                    + " id: it is 12 digits, e.g. 111122223333 (the judges' account, from `aws sts"
                    + " get-caller-identity --query Account`).");
        }
        judgeAccount = judgeAccount.trim();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            int length = externalId == null ? 0 : externalId.length();
            throw new IllegalArgumentException("--external-id " + (length < 2 || length > 1224
                    ? "has " + length + " characters; AWS takes 2 to 1224"
                    : "holds a character AWS does not allow; it takes letters, digits and + = , . @ : / - _")
                    + ". Fix: give one per student, e.g. --external-id ws2026-s042.");
        }
        if (roleName == null || roleName.isBlank()) {
            roleName = DEFAULT_ROLE_NAME;
        }
        if (!ROLE_NAME.matcher(roleName).matches()) {
            throw new IllegalArgumentException("--role-name '" + shown(roleName) + "' is not an IAM role name: 1 to 64"
                    + " letters, digits and + = , . @ - _. Fix: leave it out for " + DEFAULT_ROLE_NAME + ".");
        }
        if (judgePrincipal != null) {
            var m = PRINCIPAL.matcher(judgePrincipal.trim());
            if (!m.matches() || !m.group(1).equals(judgeAccount)) {
                throw new IllegalArgumentException("--judge-principal '" + shown(judgePrincipal) + "' is not a role"
                        + " or user of account " + judgeAccount + ". Fix: give e.g. arn:aws:iam::" + judgeAccount
                        + ":role/labcheck-judges, or leave it out to trust the judges' whole account.");
            }
            judgePrincipal = judgePrincipal.trim();
        }
    }

    public static GradingRole of(String judgeAccount, String externalId, String roleName, String judgePrincipal) {
        return new GradingRole(judgeAccount, externalId, roleName, judgePrincipal);
    }

    /** The stack's name: one grading role per account, so one name the judges can look for. */
    public String stackName() {
        return roleName;
    }

    /** Long values are cut in messages: a pasted page must not fill the terminal. */
    private static String shown(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
