package labcheck.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import labcheck.checks.support.Routing;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One failed call costs only its own evidence; bad credentials stop everything with one message. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsCollectorFaultsTest {

    /** Each call, and the evidence it fills. */
    static final Map<String, Function<Evidence, Fact<?>>> FACT_OF = Map.of(
            "elasticache:DescribeCacheClusters", Evidence::cacheClusters,
            "elasticache:DescribeReplicationGroups", Evidence::replicationGroups,
            "elasticache:DescribeServerlessCaches", Evidence::serverlessCaches,
            "elasticache:DescribeCacheSubnetGroups", Evidence::cacheSubnetGroups,
            "ec2:DescribeSubnets", Evidence::subnets,
            "ec2:DescribeRouteTables", Evidence::routeTables,
            "ec2:DescribeSecurityGroups", Evidence::securityGroups,
            "ec2:DescribeInstances", Evidence::instances,
            "rds:DescribeDBInstances", Evidence::dbInstances,
            "cloudwatch:DescribeAlarms", Evidence::alarms);

    static Stream<String> deniable() {
        return FACT_OF.keySet().stream().sorted();
    }

    /** What else a denied call necessarily takes with it (the calls that need its answer). */
    static List<String> dependents(String action) {
        return switch (action) {
            // the app host's subnet and route tables are still described without the cache
            case "elasticache:DescribeCacheClusters" -> List.of("elasticache:DescribeCacheSubnetGroups",
                    "ec2:DescribeSecurityGroups");
            case "elasticache:DescribeReplicationGroups", "elasticache:DescribeServerlessCaches" -> List.of();
            // the cache's subnets are unknown then, but the app host's are still described
            case "elasticache:DescribeCacheSubnetGroups" -> List.of();
            case "ec2:DescribeSubnets" -> List.of();
            default -> List.of();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deniable")
    void accessDeniedOnOneCallMakesOnlyThatEvidenceUnavailableWithTheIamAction(String action) {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.deny(action);
            Evidence e = collect(aws, aws.settings().build());

            Fact<?> denied = FACT_OF.get(action).apply(e);
            assertThat(denied.available()).as(action).isFalse();
            assertThat(denied.unavailable().code()).isEqualTo("AccessDenied");
            assertThat(denied.unavailable().action()).isEqualTo(action);
            assertThat(denied.unavailable().message()).contains("grant " + action);
            FACT_OF.forEach((other, fact) -> {
                if (!other.equals(action) && !dependents(action).contains(other)) {
                    assertThat(fact.apply(e).available()).as(other + " while " + action + " is denied").isTrue();
                }
            });
            dependents(action).forEach(d -> assertThat(FACT_OF.get(d).apply(e).unavailable().action())
                    .as(d + " depends on " + action).isEqualTo(action));
            assertThat(e.identity().available()).isTrue();
        }
    }

    @Test
    void aDeniedCacheSubnetGroupStillLeavesTheAppHostsPublicSubnetVerdict() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.deny("elasticache:DescribeCacheSubnetGroups");
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.subnets().value()).extracting(labcheck.evidence.Subnet::subnetId)
                    .containsExactly(Labs.PUBLIC_A);
            assertThat(labcheck.engine.CheckHarness.run("ec2_app_instance_in_public_subnet", e).outcome())
                    .isEqualTo(labcheck.report.Outcome.PASSED);
        }
    }

    @Test
    void deniedDescriptionOfTheAppHostsSubnetKeepsTheCachesSubnetsAndSaysWhy() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            // e.g. a policy condition that allows DescribeSubnets on the cache's subnets only
            aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
                    .withRequestBody(containing("Action=DescribeSubnets&"))
                    .withRequestBody(containing("SubnetId.1=" + Labs.PUBLIC_A))
                    .willReturn(aResponse().withStatus(403)
                            .withHeader("Content-Type", "text/xml").withBody(AwsXml.ec2Error("UnauthorizedOperation",
                                    "You are not authorized to perform this operation."))));
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.subnets().value()).extracting("subnetId").containsExactly(Labs.PRIVATE_A, Labs.PRIVATE_B);
            assertThat(e.notes()).anyMatch(n -> n.startsWith("The subnets of EC2 instance(s) i-0app could not be"
                    + " collected, so the placement of those instances is unknown: ") && n.contains("ec2:DescribeSubnets"));
            // the app's subnet is not described, so no main table may stand in for its own table
            assertThat(Routing.describes(e, Labs.PUBLIC_A)).isFalse();
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilItSucceeds() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.throttleOnce("ec2", "DescribeRouteTables");
            aws.throttleOnce("elasticache", "DescribeCacheClusters");
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.routeTables().value()).extracting("routeTableId").containsExactly("rtb-0main", "rtb-0public");
            assertThat(e.cacheClusters().value()).hasSize(1);
            aws.wireMock().verify(2, postRequestedFor(urlEqualTo("/"))
                    .withRequestBody(containing("Action=DescribeRouteTables&")));
        }
    }

    @Test
    void expiredTokenFailsFastWithOneClearMessageAndNoOtherCall() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.expireToken();

            assertThatThrownBy(() -> collect(aws, aws.settings().build()))
                    .isInstanceOf(AwsSetupException.class)
                    .hasMessageStartingWith("The AWS session token has expired (ExpiredToken): refresh the credentials")
                    .hasMessageEndingWith("and run labcheck again.");
            assertThat(aws.wireMock().getAllServeEvents()).hasSize(1);
        }
    }

    @Test
    void aTokenExpiringAfterTheIdentityCallIsACredentialFailureNotALabWithFactsMissing() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.fail("elasticache", "DescribeCacheClusters", 403, "ExpiredToken");
            aws.fail("ec2", "DescribeInstances", 403, "ExpiredToken");

            assertThatThrownBy(() -> collect(aws, aws.settings().build()))
                    .isInstanceOf(AwsSetupException.class)
                    .hasMessageStartingWith("AWS accepted the credentials, then rejected them during collection")
                    .hasMessageContaining("ExpiredToken")
                    .satisfies(e -> assertThat(((AwsSetupException) e).credentialsRejected()).isTrue());
        }
    }

    @Test
    void anExpiredSsoTokenIsRecognisedWithTheLoginCommandForTheProfile() {
        var expired = software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load credentials"
                + " from any of the providers: The SSO session associated with this profile has expired or is"
                + " otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.");

        assertThat(Faults.ssoExpired(expired)).isTrue();
        assertThat(Faults.ssoExpired(software.amazon.awssdk.core.exception.SdkClientException.create(
                "Unable to execute HTTP request: Connection refused"))).isFalse();
    }

    @Test
    void serverErrorOnOneCallIsReportedAsAServiceErrorNotAStackTrace() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.fail("rds", "DescribeDBInstances", 503, "ServiceUnavailable");
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.dbInstances().unavailable().code()).isEqualTo("ServiceError");
            assertThat(e.dbInstances().unavailable().message())
                    .startsWith("The endpoint " + aws.url() + " answered rds:DescribeDBInstances with a server error"
                            + " (HTTP 503, ServiceUnavailable")
                    .endsWith("try again later.");
            assertThat(e.cacheClusters().available()).isTrue();
        }
    }

    @Test
    void anEndpointThatNeverAnswersCostsOneCallTimeoutNotOnePerCall() throws Exception {
        // GIVEN an endpoint that accepts connections and never answers
        FakeAws.useFakeCredentials();
        int port = FreePort.find();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(port, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            AwsSettings settings = AwsSettings.builder().region("us-east-1").endpointUrl("http://127.0.0.1:" + port)
                    .clusterId(Labs.CLUSTER).callTimeout(Duration.ofSeconds(3)).build();

            Evidence e = collect(null, settings);

            // THEN every fact says so, and nothing after the identity call was asked
            assertThat(e.identity().unavailable().code()).isEqualTo("Timeout");
            assertThat(e.cacheClusters().unavailable().message()).contains("sts:GetCallerIdentity did not answer in"
                    + " time", "nothing else was asked of AWS");
            assertThat(e.alarms().unavailable().code()).isEqualTo("Timeout");
        }
    }

    @Test
    void noCallStartsOnceTheCollectionBudgetIsSpentAndEachFactLeftOutSaysWhy() {
        // GIVEN a cluster listing that stops answering, a 2 s call timeout and a 1 s collection budget
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.hang("DescribeCacheClusters", Duration.ofSeconds(8));
            AwsSettings settings = aws.settings().callTimeout(Duration.ofSeconds(2))
                    .collectionBudget(Duration.ofSeconds(1)).build();

            // WHEN the lab is collected
            long t0 = System.nanoTime();
            Evidence e = collect(aws, settings);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            // THEN the slow call timed out, the calls after the budget were not asked and say how to fix it,
            // and the whole collection took about the budget plus one call timeout, not one timeout per call
            assertThat(e.cacheClusters().unavailable().code()).isEqualTo("Timeout");
            List<String> notAsked = Stream.of(e.subnets(), e.routeTables(), e.securityGroups(),
                    e.instances(), e.cacheSubnetGroups()).filter(f -> !f.available())
                    .map(f -> f.unavailable().message()).filter(m -> m.contains("was not asked")).toList();
            assertThat(notAsked).isNotEmpty().allMatch(m -> m.contains("budget of 1 s") && m.contains("--aws-budget"));
            assertThat(took).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aBudgetThatIsNoBudgetIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> AwsSettings.builder().region("us-east-1").clusterId(Labs.CLUSTER)
                .collectionBudget(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--aws-budget");
    }

    @Test
    void unreachableEndpointMakesEveryFactUnavailableWithAClearMessage() {
        FakeAws.useFakeCredentials();
        int closed = FreePort.find();
        AwsSettings settings = AwsSettings.builder().region("us-east-1").endpointUrl("http://127.0.0.1:" + closed)
                .clusterId(Labs.CLUSTER).callTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        Evidence e = collect(null, settings);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(e.identity().unavailable().code()).isEqualTo("Unreachable");
        assertThat(e.identity().unavailable().message()).startsWith("Could not reach the endpoint http://127.0.0.1:"
                + closed + " for sts:GetCallerIdentity (").contains("refused");
        assertThat(e.cacheClusters().unavailable().code()).isEqualTo("Unreachable");
        assertThat(e.dbInstances().unavailable().action()).isEqualTo("rds:DescribeDBInstances");
        assertThat(e.alarms().unavailable().code()).isEqualTo("Unreachable");
    }

    @Test
    void roleIsAssumedWithARecognisableSessionNameAndTheExternalId() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            String role = "arn:aws:iam::123456789012:role/labcheck-readonly";
            Evidence e = collect(aws, aws.settings().roleArn(role).externalId("judge-2026").build());

            assertThat(e.cacheClusters().value()).hasSize(1);
            aws.wireMock().verify(postRequestedFor(urlEqualTo("/"))
                    .withRequestBody(containing("Action=AssumeRole&"))
                    .withRequestBody(containing("RoleSessionName=" + AwsClients.sessionName()))
                    .withRequestBody(containing("ExternalId=judge-2026")));
            assertThat(AwsClients.sessionName()).startsWith("labcheck-");
            // Calls after the assumption are signed with the role's temporary key, not the caller's.
            aws.wireMock().verify(postRequestedFor(urlEqualTo("/"))
                    .withRequestBody(containing("Action=DescribeCacheClusters&"))
                    .withHeader("Authorization", containing("Credential=assumed-key-id/")));
        }
    }

    @Test
    void roleThatCannotBeAssumedFailsFastNamingTheRole() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.fail("sts", "AssumeRole", 403, "AccessDenied");
            String role = "arn:aws:iam::123456789012:role/nope";

            assertThatThrownBy(() -> collect(aws, aws.settings().roleArn(role).build()))
                    .isInstanceOf(AwsSetupException.class)
                    .hasMessage("Could not assume role " + role + " (AccessDenied): your identity needs"
                            + " sts:AssumeRole on it, and its trust policy must allow you.");
        }
    }
}
