package labcheck.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static labcheck.collect.AwsCollectorGoodLabTest.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Later pages are followed: the student's cluster or app host may be on page two. */
@ExtendWith(ReadOnlyGuard.Verify.class)
class PaginationTest {

    @Test
    void clusterOnTheSecondPageAndInstanceOnTheSecondPageAreFound() {
        Lab lab = Labs.good();
        CacheCluster other = CacheCluster.builder().cacheClusterId("aaa-other").cacheClusterStatus("available")
                .engine("memcached").cacheNodeType("cache.t3.micro").numCacheNodes(1).build();
        Ec2Instance bastion = Ec2Instance.builder().instanceId("i-0bastion").name("bastion").state("running")
                .instanceType("t3.nano").vpcId(Labs.VPC).subnetId(Labs.PUBLIC_A)
                .privateIpAddress("10.0.1.20").securityGroupIds(List.of("sg-0bastion")).build();
        try (FakeAws aws = FakeAws.start(lab)) {
            String firstClusters = AwsXml.cacheClusters(List.of(other)).replace("</CacheClusters>",
                    "</CacheClusters><Marker>page-2</Marker>");
            aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(2)
                    .withRequestBody(containing("Action=DescribeCacheClusters&"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(firstClusters)));
            aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
                    .withRequestBody(containing("Action=DescribeCacheClusters&"))
                    .withRequestBody(containing("Marker=page-2"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml")
                            .withBody(AwsXml.cacheClusters(lab.clusters()))));
            String firstInstances = AwsXml.instances(List.of(bastion)).replace("</reservationSet>",
                    "</reservationSet><nextToken>tok-2</nextToken>");
            aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(2)
                    .withRequestBody(containing("Action=DescribeInstances&"))
                    .withRequestBody(containing("Filter.1.Name=vpc-id"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(firstInstances)));
            aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
                    .withRequestBody(containing("Action=DescribeInstances&"))
                    .withRequestBody(containing("NextToken=tok-2"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml")
                            .withBody(AwsXml.instances(lab.instances()))));

            Evidence e = collect(aws, aws.settings().build());

            assertThat(e.cacheClusters().value()).extracting(CacheCluster::cacheClusterId)
                    .containsExactly(Labs.CLUSTER);
            // the cache's two subnets and the one both instances sit in, described once
            assertThat(e.subnets().value()).extracting("subnetId")
                    .containsExactly(Labs.PRIVATE_A, Labs.PRIVATE_B, Labs.PUBLIC_A);
            assertThat(e.instances().value()).extracting(Ec2Instance::instanceId)
                    .containsExactly("i-0app", "i-0bastion");
        }
    }

    @Test
    void theCachesAlarmAfterSixHundredOtherAlarmsIsStillFound() {
        // GIVEN an account with 600 EC2 alarms listed before the cache's hit-ratio alarm
        Lab good = Labs.good();
        java.util.List<labcheck.evidence.MetricAlarm> alarms = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            alarms.add(labcheck.evidence.MetricAlarm.builder().alarmName("cpu-" + i).namespace("AWS/EC2")
                    .metricName("CPUUtilization").statistic("Average").comparisonOperator("GreaterThanThreshold")
                    .threshold(90.0).evaluationPeriods(1).period(300).stateValue("OK").dimensions(List.of())
                    .usesMetricMath(false).build());
        }
        alarms.addAll(good.alarms());
        Lab crowded = new Lab(good.clusters(), good.groups(), good.serverless(), good.subnetGroups(), good.subnets(),
                good.routeTables(), good.securityGroups(), good.instances(), good.dbs(), alarms);

        try (FakeAws aws = FakeAws.start(crowded)) {
            Evidence e = collect(aws, aws.settings().build());

            // THEN it is filtered before the 500-alarm cap, not cut off by it
            assertThat(e.alarms().value()).isEqualTo(good.alarms());
        }
    }
}
