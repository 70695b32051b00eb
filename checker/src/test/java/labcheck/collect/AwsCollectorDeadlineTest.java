package labcheck.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.TrailEvent;
import labcheck.evidence.TrailLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * With a deadline, CloudTrail's write events on the lab's resources after it are collected: the lab's
 * only, writes only, after the deadline only, never an access key id; denied, they are unavailable
 * naming the action; too many for the bounded pages, each resource is looked up on its own.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsCollectorDeadlineTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String DEADLINE = NOW.minus(Duration.ofHours(3)).atOffset(ZoneOffset.ofHours(1)).toString();
    private static final Instant AFTER = NOW.minus(Duration.ofHours(1));

    static TrailResponder.Event openedToWorld(Instant at) {
        return TrailResponder.Event.write("ev-open", "AuthorizeSecurityGroupIngress", at, "ec2.amazonaws.com",
                "AWS::EC2::SecurityGroup", Labs.REDIS_SG, "{\"groupId\":\"" + Labs.REDIS_SG + "\",\"ipPermissions\":"
                        + "{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":6379,\"toPort\":6379}]}}");
    }

    /** A CloudTrail client of the fake AWS, to drive {@link Trail} with its own pace and bounds. */
    private static CloudTrailClient cloudTrail(FakeAws aws) {
        return CloudTrailClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(aws.url())).build();
    }

    @Test
    void aSecurityGroupOpenedAfterTheDeadlineIsCollectedWithWhoAndWhen() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.trail(List.of(openedToWorld(AFTER)));
            Evidence e = collect(aws, aws.settings().build(), DEADLINE);

            TrailLookup lookup = e.cloudTrail().value();
            assertThat(e.deadline()).isEqualTo(DEADLINE);
            assertThat(lookup.from()).isEqualTo(DEADLINE);
            assertThat(lookup.events()).containsExactly(new TrailEvent(AFTER.toString(),
                    "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", "EC2 security group", Labs.REDIS_SG,
                    "arn:aws:iam::123456789012:user/student", "ev-open"));
            assertThat(lookup.resources()).contains(Labs.CLUSTER, "redis-subnet-group", Labs.REDIS_SG, Labs.APP_SG,
                    "i-0app", "products-db", Labs.PRIVATE_A, "rtb-0main", "rtb-0public");
            assertThat(lookup.truncation()).isNull();
            // CloudTrail hands out the caller's access key id; the bundle never keeps it
            assertThat(EvidenceBundle.toJson(e)).doesNotContain("ASIAEXAMPLEKEYID0000");
            aws.wireMock().verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(
                    containing("\"AttributeKey\":\"ReadOnly\",\"AttributeValue\":\"false\"")));
        }
    }

    @Test
    void readsEarlierWritesOtherResourcesAndAwsOwnActionsAreNoChangeOfTheLab() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            Instant before = NOW.minus(Duration.ofHours(5));
            aws.trail(List.of(
                    openedToWorld(before),
                    new TrailResponder.Event("ev-read", "DescribeSecurityGroups", AFTER, "ec2.amazonaws.com", true,
                            "AWS::EC2::SecurityGroup", Labs.REDIS_SG, "arn:aws:iam::123456789012:user/student",
                            "IAMUser", "{}"),
                    TrailResponder.Event.write("ev-other", "AuthorizeSecurityGroupIngress", AFTER,
                            "ec2.amazonaws.com", "AWS::EC2::SecurityGroup", "sg-0elsewhere", "{\"groupId\":\"sg-0elsewhere\"}"),
                    new TrailResponder.Event("ev-aws", "CreateNetworkInterface", AFTER, "elasticache.amazonaws.com",
                            false, null, null, null, "AWSService", "{\"subnetId\":\"" + Labs.PRIVATE_A + "\"}")));
            Evidence e = collect(aws, aws.settings().build(), DEADLINE);

            assertThat(e.cloudTrail().value().events()).isEmpty();
            assertThat(e.cloudTrail().value().eventsRead()).isEqualTo(2);
        }
    }

    @Test
    void aChangeNamedOnlyInTheRequestParametersCountsForThatResource() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.trail(List.of(TrailResponder.Event.write("ev-mod", "ModifyCacheCluster", AFTER,
                    "elasticache.amazonaws.com", null, null,
                    "{\"cacheClusterId\":\"" + Labs.CLUSTER + "\",\"cacheNodeType\":\"cache.t3.small\"}")));
            Evidence e = collect(aws, aws.settings().build(), DEADLINE);

            assertThat(e.cloudTrail().value().events()).singleElement()
                    .satisfies(ev -> assertThat(ev.describe()).isEqualTo("ElastiCache cluster " + Labs.CLUSTER
                            + ": ModifyCacheCluster at " + AFTER + " by arn:aws:iam::123456789012:user/student"));
        }
    }

    @Test
    void withoutThePermissionTheHistoryIsUnavailableNamingTheAction() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            aws.deny("cloudtrail:LookupEvents");
            Evidence e = collect(aws, aws.settings().build(), DEADLINE);

            Fact<TrailLookup> trail = e.cloudTrail();
            assertThat(trail.available()).isFalse();
            assertThat(trail.unavailable().code()).isEqualTo("AccessDenied");
            assertThat(trail.unavailable().action()).isEqualTo("cloudtrail:LookupEvents");
            assertThat(trail.unavailable().message()).contains("grant cloudtrail:LookupEvents");
            assertThat(e.cacheClusters().available()).isTrue();
        }
    }

    @Test
    void withoutADeadlineCloudTrailIsNotAskedAndSaysHowToBe() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            Evidence e = collect(aws, aws.settings().build(), null);

            assertThat(e.deadline()).isNull();
            assertThat(e.cloudTrail().unavailable().code()).isEqualTo("NotCollected");
            assertThat(e.cloudTrail().unavailable().howToVerify()).contains("--deadline TIME");
            aws.wireMock().verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                    containing("LookupEvents")));
        }
    }

    @Test
    void creationTimesOfTheGradedResourcesAreRecorded() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.cacheClusters().value().get(0).cacheClusterCreateTime()).isEqualTo("2026-11-20T09:12:03.500Z");
            assertThat(e.instances().value().get(0).launchTime()).isEqualTo("2026-11-20T08:40:00Z");
            assertThat(e.dbInstances().value().get(0).instanceCreateTime()).isEqualTo("2026-11-20T08:31:45Z");
        }
    }

    @Test
    void tooManyWritesForTheBoundedPagesAreLookedUpResourceByResourcePacedAtTwoASecond() {
        try (FakeAws aws = FakeAws.start(Labs.good()); CloudTrailClient client = cloudTrail(aws)) {
            // GIVEN more writes on other resources than ten pages hold, and one write on the lab, the oldest
            List<TrailResponder.Event> events = new ArrayList<>();
            for (int i = 0; i < Trail.MAX_PAGES * Trail.PAGE_SIZE + 20; i++) {
                events.add(TrailResponder.Event.write("ev-" + i, "PutObject", AFTER.plusSeconds(60 + i),
                        "s3.amazonaws.com", "AWS::S3::Object", "bucket/key-" + i, "{}"));
            }
            events.add(openedToWorld(AFTER));
            aws.trail(events);
            Map<String, String> lab = Map.of(Labs.REDIS_SG, "EC2 security group", "i-0app", "EC2 instance");

            // WHEN the history is read at a pace of 50 ms (the shipped pace is 500 ms)
            Fact<TrailLookup> found = new Trail(client, new Calls("the test", Duration.ofMinutes(1)),
                    Duration.ofMillis(50)).lookup(DEADLINE, NOW, lab);

            // THEN the ten pages are read, then each resource on its own: the lab's write is found
            assertThat(found.value().events()).extracting(TrailEvent::eventId).containsExactly("ev-open");
            assertThat(found.value().eventsRead()).isEqualTo(Trail.MAX_PAGES * Trail.PAGE_SIZE + 1);
            assertThat(found.value().truncation()).isNull();
            var requests = aws.wireMock().getAllServeEvents().stream()
                    .filter(s -> s.getRequest().containsHeader("X-Amz-Target"))
                    .map(s -> s.getRequest().getLoggedDate().getTime()).sorted().toList();
            assertThat(requests).hasSize(Trail.MAX_PAGES + lab.size());
            // the server logs a request when it arrives, so one gap can shrink by the jitter of its two
            // arrivals on a loaded machine; the pace shows in the median gap and in the whole span
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < requests.size(); i++) {
                gaps.add(requests.get(i) - requests.get(i - 1));
            }
            assertThat(gaps.stream().sorted().toList().get(gaps.size() / 2)).as("median ms between requests %s", gaps)
                    .isGreaterThanOrEqualTo(48);
            assertThat(requests.get(requests.size() - 1) - requests.get(0)).as("ms from first to last request")
                    .isGreaterThanOrEqualTo(50L * gaps.size() - 25);
        }
    }

    @Test
    void aResourceWithMoreEventsThanItsPagesSaysWhatWasNotRead() {
        try (FakeAws aws = FakeAws.start(Labs.good()); CloudTrailClient client = cloudTrail(aws)) {
            List<TrailResponder.Event> events = new ArrayList<>();
            for (int i = 0; i < Trail.MAX_PAGES * Trail.PAGE_SIZE + Trail.MAX_RESOURCE_PAGES * Trail.PAGE_SIZE; i++) {
                events.add(TrailResponder.Event.write("ev-" + i, "ModifyInstanceAttribute", AFTER.plusSeconds(i),
                        "ec2.amazonaws.com", "AWS::EC2::Instance", "i-0app", "{}"));
            }
            aws.trail(events);

            TrailLookup found = new Trail(client, new Calls("the test", Duration.ofMinutes(1)), Duration.ZERO)
                    .lookup(DEADLINE, NOW, Map.of("i-0app", "EC2 instance")).value();

            assertThat(found.truncation()).startsWith("Not every write event was read: i-0app has more than 100 events"
                    + " after the deadline; the newest were read").endsWith(".");
            assertThat(found.events()).isNotEmpty().allMatch(ev -> ev.resourceName().equals("i-0app"));
        }
    }

    @Test
    void aDeadlineAfterTheLookupReadsNothing() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            String future = NOW.plus(Duration.ofDays(1)).toString();
            Evidence e = collect(aws, aws.settings().build(), future);

            assertThat(e.cloudTrail().value().events()).isEmpty();
            assertThat(e.cloudTrail().value().eventsRead()).isZero();
            aws.wireMock().verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                    containing("LookupEvents")));
        }
    }
}
