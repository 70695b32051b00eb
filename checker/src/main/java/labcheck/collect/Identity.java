package labcheck.collect;

import java.time.Duration;
import java.util.Optional;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Fact;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * STS GetCallerIdentity, first of all: it needs no permission, so when it fails the credentials
 * (or the role, or the endpoint) are the problem, and no other call is worth making. It is bounded by
 * {@link AwsSettings#identityTimeout()}, so an endpoint that never answers costs that and no more; one
 * that answers with something other than an AWS API is a usage error naming what it answered.
 */
record Identity(AwsClients clients, AwsSettings settings, String where) {

    Fact<CallerIdentity> verify() {
        try {
            Duration cap = settings.identityTimeout();
            return Fact.of(FromOthers.identity(clients.sts.getCallerIdentity(r -> r.overrideConfiguration(
                    o -> o.apiCallTimeout(cap).apiCallAttemptTimeout(cap.dividedBy(3))))));
        } catch (SdkException e) {
            Optional<NotAwsAnswer> notAws = NotAwsAnswer.in(e);
            if (notAws.isPresent()) {
                // every other call would get the same page: one usage error, not eleven unverifiable facts
                throw new AwsSetupException(notAws.get().explain(where, "sts:GetCallerIdentity"));
            }
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
