package labcheck.collect;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom to collect, and what to look for.
 *
 * <pre>{@code
 * AwsSettings settings = AwsSettings.builder()
 *         .region("us-east-1").profile("lab").roleArn(null).externalId(null).endpointUrl(null)
 *         .clusterId("product-cache-cluster").appUrl("http://1.2.3.4:5001").build();
 * }</pre>
 *
 * @param region      the region; null falls back to the profile's, then AWS_REGION, then the instance's
 * @param profile     a named profile from ~/.aws/config; null uses the default credential chain
 * @param roleArn     a role to assume (with STS AssumeRole) on top of those credentials, or null
 * @param externalId  the external id the role's trust policy asks for, or null
 * @param endpointUrl one endpoint for every service (an emulator), or null; the SDK's own
 *                    {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} also work
 * @param clusterId   the cluster the rubric names, e.g. {@code product-cache-cluster}
 * @param appUrl      the app's base URL, used to recognise the app host; may be null
 * @param callTimeout the budget for one API call including its retries; the first call (STS
 *                    GetCallerIdentity, and AssumeRole before it) gets {@link #identityTimeout()}
 * @param collectionBudget no call starts once the collection has run this long
 */
public record AwsSettings(String region, String profile, String roleArn, String externalId, String endpointUrl,
                          String clusterId, String appUrl, Duration callTimeout,
                          Duration collectionBudget) {

    /** The longest the first call may take: see {@link #identityTimeout()}. */
    private static final Duration IDENTITY_TIMEOUT = Duration.ofSeconds(15);

    public AwsSettings {
        region = blankToNull(region);
        profile = blankToNull(profile);
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
        endpointUrl = blankToNull(endpointUrl);
        appUrl = blankToNull(appUrl);
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("clusterId is required: the cluster id the rubric names,"
                    + " e.g. product-cache-cluster.");
        }
        if (externalId != null && roleArn == null) {
            throw new IllegalArgumentException("--external-id only makes sense with --role-arn.");
        }
        if (roleArn != null && !roleArn.startsWith("arn:")) {
            throw new IllegalArgumentException("--role-arn must be a role ARN such as"
                    + " arn:aws:iam::123456789012:role/labcheck-readonly, not '" + roleArn + "'.");
        }
        if (endpointUrl != null) {
            URI uri = URI.create(endpointUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("--endpoint-url must be an absolute URL such as"
                        + " http://127.0.0.1:5000, not '" + endpointUrl + "'.");
            }
        }
        if (region != null && endpointUrl == null && !knownRegion(region)) {
            throw new IllegalArgumentException("--region " + region + " is not an AWS region (e.g. us-east-1,"
                    + " eu-west-1). Fix: give the region the lab was built in; the lab's is us-east-1.");
        }
        if (callTimeout == null) {
            callTimeout = Duration.ofSeconds(60);
        }
        if (collectionBudget == null) {
            collectionBudget = Duration.ofMinutes(3);
        }
        if (collectionBudget.isNegative() || collectionBudget.isZero() || collectionBudget.toHours() > 24) {
            throw new IllegalArgumentException("--aws-budget " + collectionBudget.toSeconds() + " s is not a"
                    + " budget for collecting AWS; give one between 1 s and 24 h, e.g. --aws-budget 3m.");
        }
    }

    /** A region this SDK knows (its list is as current as the SDK release), not a global pseudo-region. */
    private static boolean knownRegion(String region) {
        return software.amazon.awssdk.regions.Region.regions().stream().anyMatch(r -> r.id().equals(region))
                && !region.startsWith("aws-");
    }

    /**
     * The first call's bound: {@link #callTimeout()}, at most 15 s. GetCallerIdentity needs no permission
     * and answers in well under a second from anywhere; an endpoint that has not answered it by then never
     * will, and every other call is skipped with the reason, so a hung endpoint costs 15 s, not minutes.
     */
    public Duration identityTimeout() {
        return callTimeout.compareTo(IDENTITY_TIMEOUT) < 0 ? callTimeout : IDENTITY_TIMEOUT;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private String region;
        private String profile;
        private String roleArn;
        private String externalId;
        private String endpointUrl;
        private String clusterId;
        private String appUrl;
        private Duration callTimeout;
        private Duration collectionBudget;

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder profile(String v) {
            profile = v;
            return this;
        }

        public Builder roleArn(String v) {
            roleArn = v;
            return this;
        }

        public Builder externalId(String v) {
            externalId = v;
            return this;
        }

        public Builder endpointUrl(String v) {
            endpointUrl = v;
            return this;
        }

        public Builder clusterId(String v) {
            clusterId = v;
            return this;
        }

        public Builder appUrl(String v) {
            appUrl = v;
            return this;
        }

        public Builder collectionBudget(Duration v) {
            collectionBudget = v;
            return this;
        }

        public Builder callTimeout(Duration v) {
            callTimeout = v;
            return this;
        }

        public AwsSettings build() {
            return new AwsSettings(region, profile, roleArn, externalId, endpointUrl, clusterId, appUrl, callTimeout,
                    collectionBudget);
        }
    }
}
