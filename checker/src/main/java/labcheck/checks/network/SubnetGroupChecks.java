package labcheck.checks.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import labcheck.checks.support.CacheTarget;
import labcheck.checks.support.CacheTargets;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.Subnet;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/**
 * The cache's subnets lie in two availability zones, as the seed's Phase 1 asks ("Select 2 private
 * subnets in different AZs"). The worked example of {@code docs/architecture.md}.
 */
public class SubnetGroupChecks {

    @Check(id = "elasticache_subnet_group_multi_az",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES,
                EvidencePart.CACHE_SUBNET_GROUPS, EvidencePart.SUBNETS},
            title = "The cache's subnets lie in at least two availability zones",
            remediation = "Give the cache subnet group private subnets in two availability zones: aws elasticache"
                    + " modify-cache-subnet-group --cache-subnet-group-name redis-subnet-group --subnet-ids"
                    + " <private-subnet-in-us-east-1a> <private-subnet-in-us-east-1b> (console: ElastiCache, Subnet"
                    + " groups, redis-subnet-group, Edit).")
    void multiAz(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "subnet group");
        PrivateSubnetChecks.Placement placement = PrivateSubnetChecks.placement(evidence, cache);
        Map<String, Subnet> known = Unverifiable.require(evidence.subnets()).stream()
                .collect(Collectors.toMap(Subnet::subnetId, Function.identity(), (a, b) -> a));
        Map<String, String> zoneOf = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String subnetId : placement.subnetIds()) {
            Subnet subnet = known.get(subnetId);
            if (subnet == null || subnet.availabilityZone() == null) {
                unknown.add(subnetId);
            } else {
                zoneOf.put(subnetId, subnet.availabilityZone());
            }
        }
        Report.details(reporter, zoneOf.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")));
        TreeSet<String> zones = new TreeSet<>(zoneOf.values());
        if (zones.size() < 2 && !unknown.isEmpty()) {
            throw new Unverifiable("The availability zone of subnet " + Texts.join(unknown) + " of " + cache.describe()
                    + " is not in the evidence; collect the subnets with ec2:DescribeSubnets.");
        }
        new Conditions().expect(zones.size() >= 2, () -> cache.describe() + " uses subnets "
                + Texts.join(placement.subnetIds()) + ", all in availability zone " + Texts.join(zones) + "; expected"
                + " private subnets in at least two zones, as the lab's subnet group has, so the cache can be placed"
                + " again when one zone fails. Fix: " + addZoneCommand(cache, placement) + ".").verify();
        Report.passed(reporter, cache.describe() + " uses subnets in " + zones.size()
                + " availability zones: " + Texts.join(zones) + ".");
    }

    /** The command that adds a private subnet of another zone to where the cache is placed. */
    private static String addZoneCommand(CacheTarget cache, PrivateSubnetChecks.Placement placement) {
        String subnets = String.join(" ", placement.subnetIds()) + " <private-subnet-in-another-zone>";
        return placement.subnetGroupName() == null
                ? "`aws elasticache modify-serverless-cache --serverless-cache-name " + cache.id() + " --subnet-ids "
                        + subnets + "`"
                : "`aws elasticache modify-cache-subnet-group --cache-subnet-group-name " + placement.subnetGroupName()
                        + " --subnet-ids " + subnets + "`";
    }
}
