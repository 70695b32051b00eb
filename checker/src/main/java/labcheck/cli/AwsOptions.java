package labcheck.cli;

import java.time.Duration;
import java.util.Map;
import labcheck.collect.AwsSettings;
import picocli.CommandLine.Option;

/**
 * The AWS options shared by {@code collect} and {@code check}: where to look and as whom.
 * Credentials themselves never pass through a flag: they come from the default chain
 * (environment, profile, SSO, the EC2 instance role) or a role to assume.
 */
public final class AwsOptions {

    @Option(names = "--region", description = "AWS region (default: the profile's, else AWS_REGION).")
    String region;

    @Option(names = "--profile", description = "Named profile from ~/.aws/config (SSO profiles too).")
    String profile;

    @Option(names = "--role-arn", description = "Role to assume with STS AssumeRole before collecting.")
    String roleArn;

    @Option(names = "--external-id", description = "External id the role's trust policy requires.")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "One endpoint for every AWS service (an emulator such as moto). AWS_ENDPOINT_URL also works.")
    String endpointUrl;

    @Option(names = "--cluster-id", paramLabel = "ID",
            description = "The ElastiCache cluster to look for (default: the rubric's, product-cache-cluster).")
    String clusterId;

    @Option(names = "--aws-budget", paramLabel = "DURATION", converter = BatchCommand.DurationConverter.class,
            description = "No AWS call starts after the collection has run this long (default 3m; e.g. 90s, 5m);"
                    + " each call has its own timeout too.")
    Duration awsBudget;

    /** True when the user asked for AWS, by a flag or by the usual AWS environment variables. */
    boolean requested(Map<String, String> env) {
        return region != null || profile != null || roleArn != null || endpointUrl != null
                || env.containsKey("AWS_REGION") || env.containsKey("AWS_DEFAULT_REGION")
                || env.containsKey("AWS_PROFILE") || env.containsKey("AWS_ENDPOINT_URL");
    }

    /** {@code --cluster-id}, else {@code rubricDefault} (the rubric's cluster id). */
    String clusterId(String rubricDefault) {
        return clusterId == null ? rubricDefault : clusterId;
    }

    /** The collector's settings, looking for {@link #clusterId(String)}. */
    AwsSettings settings(String appUrl, String rubricDefaultClusterId) {
        return AwsSettings.builder().region(region).profile(profile).roleArn(roleArn).externalId(externalId)
                .endpointUrl(endpointUrl).clusterId(clusterId(rubricDefaultClusterId)).appUrl(appUrl)
                .collectionBudget(awsBudget).build();
    }

    /** Where the AWS facts came from, as every scoresheet shows it. */
    String source() {
        return endpointUrl == null ? "aws" : "endpoint " + endpointUrl;
    }
}
