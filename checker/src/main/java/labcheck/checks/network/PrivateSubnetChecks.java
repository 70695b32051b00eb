package labcheck.checks.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import labcheck.checks.support.CacheTarget;
import labcheck.checks.support.CacheTargets;
import labcheck.checks.support.Routing;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/** The cache sits in private subnets (the seed's "Redis in public subnet" mistake). */
public class PrivateSubnetChecks {

    @Check(id = "elasticache_cluster_in_private_subnets",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES,
                EvidencePart.CACHE_SUBNET_GROUPS, EvidencePart.SUBNETS, EvidencePart.ROUTE_TABLES},
            title = "The Redis cluster sits in private subnets only",
            remediation = "Recreate the cluster in private subnets: aws elasticache create-cache-subnet-group"
                    + " --cache-subnet-group-name redis-subnet-group --cache-subnet-group-description"
                    + " \"Redis subnet group\" --subnet-ids <private-subnet-a> <private-subnet-b>, then"
                    + " create-cache-cluster with --cache-subnet-group-name redis-subnet-group. A private subnet's"
                    + " route table has no 0.0.0.0/0 route to an igw- (a NAT gateway route is fine).")
    void inPrivateSubnets(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "subnets");
        Placement placement = placement(evidence, cache);
        List<Routing.Verdict> verdicts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String subnetId : placement.subnetIds()) {
            Optional<Routing.Verdict> verdict = Routing.judge(evidence, subnetId, placement.vpcId());
            verdict.ifPresentOrElse(verdicts::add, () -> unknown.add(subnetId));
        }
        Report.details(reporter, details(verdicts, unknown));
        List<Routing.Verdict> open = verdicts.stream().filter(Routing.Verdict::isPublic).toList();
        new Conditions().expect(open.isEmpty(), () -> publicMessage(cache, placement, open)).verify();
        if (!unknown.isEmpty()) {
            throw new Unverifiable("No route table in the evidence applies to subnet " + Texts.join(unknown)
                    + " of " + cache.describe() + " (no explicit association and no main route table of "
                    + Texts.orUnknown(placement.vpcId()) + "); collect route tables with ec2:DescribeRouteTables.");
        }
        Report.passed(reporter, cache.describe() + " sits in private subnets " + Texts.join(placement.subnetIds())
                + ": none routes 0.0.0.0/0 or ::/0 to an internet gateway.");
    }

    /** Where the cache's subnets are: its subnet group, or a serverless cache's own list. */
    record Placement(String subnetGroupName, String vpcId, List<String> subnetIds) {
    }

    static Placement placement(Evidence evidence, CacheTarget cache) {
        if (cache.kind() == CacheTarget.Kind.SERVERLESS) {
            if (cache.subnetIds().isEmpty()) {
                throw new Unverifiable(cache.describe() + " reported no subnets, so its placement cannot be judged.");
            }
            return new Placement(null, null, cache.subnetIds());
        }
        if (cache.subnetGroupName() == null) {
            throw new Unverifiable(cache.describe() + " reported no cache subnet group, so its subnets are unknown.");
        }
        List<CacheSubnetGroup> groups = Unverifiable.require(evidence.cacheSubnetGroups());
        CacheSubnetGroup group = groups.stream()
                .filter(g -> cache.subnetGroupName().equals(g.cacheSubnetGroupName()))
                .findFirst()
                .orElseThrow(() -> new Unverifiable("Cache subnet group " + cache.subnetGroupName() + " of "
                        + cache.describe() + " is not in the evidence; collect it with"
                        + " elasticache:DescribeCacheSubnetGroups."));
        if (group.subnetIds() == null || group.subnetIds().isEmpty()) {
            throw new Unverifiable("Cache subnet group " + group.cacheSubnetGroupName() + " lists no subnets.");
        }
        return new Placement(group.cacheSubnetGroupName(), group.vpcId(), group.subnetIds().stream().sorted().toList());
    }

    private static String publicMessage(CacheTarget cache, Placement placement, List<Routing.Verdict> open) {
        List<String> findings = open.stream()
                .map(v -> "subnet " + v.subnetId() + ", whose " + v.describeTable() + " " + v.describeRoute())
                .toList();
        String group = placement.subnetGroupName() == null ? "" : " (subnet group " + placement.subnetGroupName() + ")";
        return cache.describe() + " uses " + String.join("; and ", findings) + group
                + "; expected private subnets only: a cache in a public subnet is a security risk, one route away"
                + " from the internet. Fix (the seed's: recreate in private subnets): `aws elasticache"
                + " create-cache-subnet-group --cache-subnet-group-name redis-subnet-group"
                + " --cache-subnet-group-description \"Redis subnet group\" --subnet-ids <private-subnet-a>"
                + " <private-subnet-b>`, then recreate the cluster with `--cache-subnet-group-name redis-subnet-group`.";
    }

    private static String details(List<Routing.Verdict> verdicts, List<String> unknown) {
        List<String> lines = new ArrayList<>();
        for (Routing.Verdict v : verdicts) {
            lines.add(v.subnetId() + " (" + v.vpcId() + "): " + v.describeTable() + " " + v.describeRoute()
                    + (v.isPublic() ? " -> public" : " -> private"));
        }
        unknown.forEach(s -> lines.add(s + ": no route table in the evidence"));
        return String.join("\n", lines);
    }
}
