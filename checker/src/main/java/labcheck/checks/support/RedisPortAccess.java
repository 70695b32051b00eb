package labcheck.checks.support;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.SecurityGroup;
import labcheck.rubric.Thresholds;

/**
 * The cache's security groups and every source they let reach the Redis port.
 *
 * <pre>{@code
 * RedisPortAccess access = RedisPortAccess.of(evidence, thresholds);
 * access.grants().stream().filter(PortAccess.Grant::isAddressRange)...
 * }</pre>
 */
public record RedisPortAccess(CacheTarget cache, List<SecurityGroup> groups, List<PortAccess.Grant> grants, int port) {

    /**
     * @throws org.opentest4j.AssertionFailedError when the cache was not found
     * @throws Unverifiable when the groups could not be listed or one is missing from the evidence
     */
    public static RedisPortAccess of(Evidence evidence, Thresholds thresholds) {
        CacheTarget cache = CacheTargets.require(evidence, thresholds, "security groups");
        if (cache.securityGroupIds().isEmpty()) {
            throw new Unverifiable(cache.describe() + " reported no security groups, so who may reach port "
                    + thresholds.redisPort() + " cannot be judged.");
        }
        List<SecurityGroup> all = Unverifiable.require(evidence.securityGroups());
        List<SecurityGroup> groups = all.stream().filter(g -> cache.securityGroupIds().contains(g.groupId()))
                .sorted((a, b) -> a.groupId().compareTo(b.groupId())).toList();
        Set<String> missing = new TreeSet<>(cache.securityGroupIds());
        groups.forEach(g -> missing.remove(g.groupId()));
        if (!missing.isEmpty()) {
            throw new Unverifiable("Security group " + Texts.join(missing) + " of " + cache.describe()
                    + " is not in the evidence; collect it with ec2:DescribeSecurityGroups.");
        }
        return new RedisPortAccess(cache, groups, PortAccess.grants(groups, thresholds.redisPort()),
                thresholds.redisPort());
    }

    /** The VPC the cache's groups belong to, or null when unknown. */
    public String vpcId() {
        return groups.stream().map(SecurityGroup::vpcId).filter(v -> v != null).findFirst().orElse(null);
    }

    /** Security groups named as sources on the port. */
    public Set<String> referencedGroups() {
        Set<String> ids = new TreeSet<>();
        grants.stream().filter(g -> g.kind() == PortAccess.Source.GROUP).forEach(g -> ids.add(g.source()));
        return ids;
    }

    /** "sg-1 (redis-sg)" for each group, joined. */
    public String describeGroups() {
        return Texts.join(groups.stream()
                .map(g -> g.groupId() + (g.groupName() == null ? "" : " (" + g.groupName() + ")")).toList());
    }

    /** One line per grant, for the judge. */
    public String details() {
        if (grants.isEmpty()) {
            return "no inbound rule of " + describeGroups() + " covers port " + port;
        }
        return String.join("\n", grants.stream()
                .map(g -> g.groupId() + ": " + PortAccess.describeRule(g.rule()) + " from " + g.describeSource())
                .toList());
    }
}
