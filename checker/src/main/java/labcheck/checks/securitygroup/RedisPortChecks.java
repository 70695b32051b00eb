package labcheck.checks.securitygroup;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import labcheck.checks.support.AppInstances;
import labcheck.checks.support.PortAccess;
import labcheck.checks.support.RedisPortAccess;
import labcheck.checks.support.Texts;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Report;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/**
 * Item 2, "Security group configured": port 6379 reachable from the app instance's group only.
 * Split in two so the rubric can give partial credit: the group side and the address side.
 */
public class RedisPortChecks {

    @Check(id = "ec2_redis_port_open_only_to_app_sg",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES,
                EvidencePart.SECURITY_GROUPS, EvidencePart.INSTANCES},
            title = "Port ${redisPort} is open to the app instance's security group and to no other group",
            remediation = "Add the inbound rule the seed asks for, port ${redisPort} from the EC2 security group:"
                    + " aws ec2 authorize-security-group-ingress --group-id <redis-sg-id> --protocol tcp --port"
                    + " ${redisPort} --source-group <ec2-sg-id>. Console: EC2 > Security Groups > redis-sg > Edit"
                    + " inbound rules > Custom TCP ${redisPort}, source: the EC2 instance's security group.")
    void openOnlyToAppGroup(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        RedisPortAccess access = RedisPortAccess.of(evidence, thresholds);
        Report.details(reporter, access.details());
        Ec2Instance app = AppInstances.require(evidence, thresholds);
        Set<String> appGroups = new TreeSet<>(app.securityGroupIds() == null ? List.of() : app.securityGroupIds());
        List<PortAccess.Grant> groupGrants = access.grants().stream()
                .filter(g -> g.kind() == PortAccess.Source.GROUP).toList();
        boolean fromApp = groupGrants.stream().anyMatch(g -> appGroups.contains(g.source()));
        // a group naming itself lets only its own members (the cache nodes) in: not another client
        List<PortAccess.Grant> others = groupGrants.stream()
                .filter(g -> !appGroups.contains(g.source()) && !access.cache().securityGroupIds().contains(g.source()))
                .toList();
        String port = String.valueOf(access.port());
        String redisGroup = access.groups().get(0).groupId();
        String appGroup = appGroups.isEmpty() ? "<ec2-sg-id>" : appGroups.iterator().next();
        Conditions conditions = new Conditions();
        conditions.expect(fromApp, () -> "Security group " + access.describeGroups()
                + " of " + access.cache().describe() + " does not allow port " + port + " from " + Texts.join(appGroups)
                + ", the security group of app instance " + AppInstances.describe(app) + "; expected an inbound rule"
                + " tcp " + port + " from it, without which the app's connection to Redis times out. Fix (the"
                + " seed's: add inbound rule port " + port + " from the EC2 SG): `aws ec2"
                + " authorize-security-group-ingress --group-id " + redisGroup + " --protocol tcp --port " + port
                + " --source-group " + appGroup + "`.");
        for (PortAccess.Grant other : others) {
            conditions.fail("Security group " + other.groupId() + " of " + access.cache().describe()
                    + " also allows port " + port + " from " + other.describeSource() + " through rule "
                    + PortAccess.describeRule(other.rule())
                    + "; expected only the app instance's group " + Texts.join(appGroups) + ": every instance in "
                    + other.source() + " can reach Redis too. Fix: `" + other.revokeCommand() + "`.");
        }
        conditions.verify();
        Report.passed(reporter, "Port " + port + " of " + access.describeGroups() + " is open to "
                + Texts.join(appGroups) + ", the security group of app instance " + AppInstances.describe(app)
                + ", and to no other security group.");
    }

    @Check(id = "ec2_redis_port_not_open_to_cidr",
            needs = {EvidencePart.CACHE_CLUSTERS, EvidencePart.REPLICATION_GROUPS, EvidencePart.SERVERLESS_CACHES,
                EvidencePart.SECURITY_GROUPS},
            title = "Port ${redisPort} is open to no address range (no CIDR, no prefix list)",
            remediation = "Remove every address-range rule on port ${redisPort} and allow only the EC2 security"
                    + " group: aws ec2 revoke-security-group-ingress --group-id <redis-sg-id> --protocol tcp --port"
                    + " ${redisPort} --cidr 0.0.0.0/0 (use the rule's exact protocol, ports and range). Console: EC2 >"
                    + " Security Groups > redis-sg > Edit inbound rules > delete rules whose source is an IP range.")
    void notOpenToCidr(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        RedisPortAccess access = RedisPortAccess.of(evidence, thresholds);
        Report.details(reporter, access.details());
        List<PortAccess.Grant> ranges = access.grants().stream().filter(PortAccess.Grant::isAddressRange).toList();
        Conditions conditions = new Conditions();
        for (PortAccess.Grant range : ranges) {
            conditions.fail("Security group " + range.groupId() + " of " + access.cache().describe()
                    + " allows port " + access.port() + " from " + range.describeSource() + " through rule "
                    + PortAccess.describeRule(range.rule()) + "; expected no address range at all, only the app"
                    + " instance's security group: whoever holds an address in that range can use Redis, which has"
                    + " no password. Fix: `" + range.revokeCommand() + "`.");
        }
        conditions.verify();
        Report.passed(reporter, "No address range can reach port " + access.port() + " of "
                + access.describeGroups() + ".");
    }
}
