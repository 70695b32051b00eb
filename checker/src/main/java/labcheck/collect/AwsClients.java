package labcheck.collect;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The six read-only service clients, sharing one region, one credential provider, the SDK's
 * adaptive retry mode (client-side rate limiting and backoff on throttling) and call timeouts.
 */
final class AwsClients implements AutoCloseable {

    private static final Pattern NOT_SESSION_CHAR = Pattern.compile("[^\\w+=,.@-]");

    final Region region;
    final StsClient sts;
    final ElastiCacheClient elastiCache;
    final Ec2Client ec2;
    final RdsClient rds;
    final CloudWatchClient cloudWatch;
    final CloudTrailClient cloudTrail;
    private final StsClient assumeRoleSts;
    private final AwsCredentialsProvider credentials;

    AwsClients(AwsSettings settings) {
        region = resolveRegion(settings);
        AwsCredentialsProvider base = settings.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        if (settings.roleArn() != null) {
            // AssumeRole goes first, and like the identity call it answers at once or not at all
            assumeRoleSts = configure(StsClient.builder(), settings, base, settings.identityTimeout()).build();
            credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(assumeRoleSts)
                    .refreshRequest(r -> r.roleArn(settings.roleArn())
                            .roleSessionName(sessionName())
                            .externalId(settings.externalId()))
                    .build();
        } else {
            assumeRoleSts = null;
            credentials = base;
        }
        sts = configure(StsClient.builder(), settings, credentials, settings.callTimeout()).build();
        elastiCache = configure(ElastiCacheClient.builder(), settings, credentials, settings.callTimeout()).build();
        ec2 = configure(Ec2Client.builder(), settings, credentials, settings.callTimeout()).build();
        rds = configure(RdsClient.builder(), settings, credentials, settings.callTimeout()).build();
        cloudWatch = configure(CloudWatchClient.builder(), settings, credentials, settings.callTimeout()).build();
        cloudTrail = configure(CloudTrailClient.builder(), settings, credentials, settings.callTimeout()).build();
    }

    /** {@code labcheck-<user>}, so the account owner can tell labcheck's sessions apart in CloudTrail. */
    static String sessionName() {
        String user = System.getProperty("user.name", "user");
        String name = "labcheck-" + NOT_SESSION_CHAR.matcher(user).replaceAll("_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsSettings settings,
                                                          AwsCredentialsProvider provider, Duration callTimeout) {
        builder.region(region)
                .credentialsProvider(provider)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.ADAPTIVE_V2)
                        .apiCallTimeout(callTimeout)
                        .apiCallAttemptTimeout(callTimeout.dividedBy(3))
                        .addExecutionInterceptor(NotAwsAnswer.INTERCEPTOR)
                        .build());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(URI.create(settings.endpointUrl()));
        }
        return builder;
    }

    private static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw new AwsSetupException("No AWS region: pass --region us-east-1 (the lab's region),"
                    + " set AWS_REGION, or set region in the profile.");
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {sts, elastiCache, ec2, rds, cloudWatch, cloudTrail,
                credentials instanceof AutoCloseable ac ? ac : null, assumeRoleSts}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a client only releases its connection pool; nothing to report
                }
            }
        }
    }
}
