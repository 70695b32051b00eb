package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ReadOnlyGuard.Verify.class)
class AwsCollectorGoodLabTest {

    static Evidence collect(FakeAws aws, AwsSettings settings) {
        return collect(aws, settings, null);
    }

    /** Collects as {@code --deadline} does: CloudTrail's writes after {@code deadline} too (null: none). */
    static Evidence collect(FakeAws aws, AwsSettings settings, String deadline) {
        Subject subject = new Subject("s1", null, "us-east-1", settings.clusterId(), settings.appUrl(), null, "wiremock");
        try (AwsCollector collector = AwsCollector.create(settings)) {
            return collector.collect(Evidence.empty(subject, "2026-11-26T12:00:00Z").withDeadline(deadline));
        }
    }

    @Test
    void goodLabIsCollectedExactlyAsAwsReportsIt() {
        Lab lab = Labs.good();
        try (FakeAws aws = FakeAws.start(lab)) {
            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.identity().value().arn()).isEqualTo(FakeAws.CALLER_ARN);
            assertThat(e.identity().value().account()).isEqualTo(FakeAws.ACCOUNT);
            assertThat(e.cacheClusters().value()).isEqualTo(lab.clusters());
            assertThat(e.replicationGroups().value()).isEmpty();
            assertThat(e.serverlessCaches().value()).isEmpty();
            assertThat(e.cacheSubnetGroups().value()).isEqualTo(lab.subnetGroups());
            // the cache's private subnets use the main table; the app host's public subnet its own table
            assertThat(e.subnets().value()).containsExactlyElementsOf(lab.subnets());
            assertThat(e.routeTables().value()).isEqualTo(lab.routeTables());
            assertThat(e.securityGroups().value()).containsExactly(lab.securityGroups().get(0));
            assertThat(e.instances().value()).isEqualTo(lab.instances());
            assertThat(e.dbInstances().value()).isEqualTo(lab.dbs());
            assertThat(e.alarms().value()).isEqualTo(lab.alarms());
            assertThat(e.notes()).anyMatch(n -> n.contains("Found ElastiCache cluster product-cache-cluster"))
                    .anyMatch(n -> n.contains("App host: EC2 instance i-0app (product-api)"))
                    .anyMatch(n -> n.contains("i-0app (product-api) is in a security group that the cache's port 6379"));
            assertThat(e.app().available()).isFalse();
            assertThat(EvidenceBundle.fromJson(EvidenceBundle.toJson(e), "test")).isEqualTo(e);
        }
    }

    @Test
    void everyCallIsAPostToTheRootWithTheServicesApiVersion() {
        try (FakeAws aws = FakeAws.start(Labs.good())) {
            collect(aws, aws.settings().build());

            List<String> bodies = aws.wireMock().getAllServeEvents().stream()
                    .filter(ev -> ev.getRequest().getUrl().equals("/"))
                    .map(ev -> ev.getRequest().getBodyAsString()).toList();
            assertThat(bodies).anyMatch(b -> b.startsWith("Action=DescribeCacheClusters&Version=2015-02-02"))
                    .anyMatch(b -> b.startsWith("Action=DescribeRouteTables&Version=2016-11-15"))
                    .anyMatch(b -> b.startsWith("Action=DescribeDBInstances&Version=2014-10-31"))
                    .anyMatch(b -> b.startsWith("Action=GetCallerIdentity&Version=2011-06-15"));
        }
    }
}
