package labcheck.collect;

import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Fact;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * STS GetCallerIdentity, first of all: it needs no permission, so when it fails the credentials
 * (or the role) are the problem, and no other call is worth making.
 */
record Identity(AwsClients clients, AwsSettings settings, String where) {

    Fact<CallerIdentity> verify() {
        try {
            return Fact.of(FromOthers.identity(clients.sts.getCallerIdentity()));
        } catch (SdkException e) {
            String code = Faults.errorCode(e);
            if (Faults.noCredentials(e)) {
                throw new AwsSetupException("No AWS credentials found" + profileHint()
                        + ": pass --profile NAME (after `aws sso login --profile NAME` for SSO), set"
                        + " AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
            }
            if (Faults.ssoExpired(e)) {
                throw new AwsSetupException("The AWS SSO session" + profileHint() + " has expired: run `aws sso login"
                        + (settings.profile() == null ? "" : " --profile " + settings.profile())
                        + "` and run labcheck again.", true);
            }
            if ("ExpiredToken".equals(code) || "ExpiredTokenException".equals(code) || "RequestExpired".equals(code)) {
                throw new AwsSetupException("The AWS session token has expired (" + code + "): refresh the"
                        + " credentials (`aws sso login`" + (settings.profile() == null ? "" : " --profile "
                        + settings.profile()) + ", or export new ones) and run labcheck again.", true);
            }
            if (settings.roleArn() != null && (Faults.accessDenied(e) || isAssumeRoleFailure(e))) {
                throw new AwsSetupException("Could not assume role " + settings.roleArn() + " (" + code
                        + "): your identity needs sts:AssumeRole on it, and its trust policy must allow you"
                        + (settings.externalId() == null ? "" : " with this --external-id") + ".");
            }
            if (Faults.badCredentials(e)) {
                throw new AwsSetupException("AWS rejected the credentials (" + code + "): the access key or"
                        + " session token is invalid for " + where + "; check --profile / AWS_PROFILE and"
                        + " the region, then run labcheck again.", true);
            }
            // Not a credential problem (unreachable, 5xx): record it and let every call report its own fate.
            return Fact.unavailable(Faults.of("sts:GetCallerIdentity", e, where));
        }
    }

    private String profileHint() {
        return settings.profile() == null ? "" : " for profile " + settings.profile();
    }

    private static boolean isAssumeRoleFailure(SdkException e) {
        String m = e.getMessage();
        return m != null && m.contains("AssumeRole");
    }
}
