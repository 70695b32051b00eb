package labcheck.checks.deadline;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.ServerlessCache;

/**
 * A graded resource's creation time, as AWS reports it (the evidence's {@code ...CreateTime} and
 * {@code LaunchTime} fields).
 *
 * @param kind  what it is, e.g. {@code ElastiCache cluster}
 * @param id    its id
 * @param time  when it was created (for an EC2 instance: last started)
 * @param field the AWS field it comes from, e.g. {@code CacheClusterCreateTime}
 */
record Creation(String kind, String id, Instant time, String field) {

    /** Every graded resource of the evidence whose creation time AWS reported, oldest first. */
    static List<Creation> of(Evidence e) {
        List<Creation> all = new ArrayList<>();
        add(all, e.cacheClusters(), "ElastiCache cluster", CacheCluster::cacheClusterId,
                CacheCluster::cacheClusterCreateTime, "CacheClusterCreateTime");
        add(all, e.replicationGroups(), "ElastiCache replication group", ReplicationGroup::replicationGroupId,
                ReplicationGroup::replicationGroupCreateTime, "ReplicationGroupCreateTime");
        add(all, e.serverlessCaches(), "ElastiCache serverless cache", ServerlessCache::serverlessCacheName,
                ServerlessCache::createTime, "CreateTime");
        add(all, e.instances(), "EC2 instance", Ec2Instance::instanceId, Ec2Instance::launchTime, "LaunchTime");
        add(all, e.dbInstances(), "RDS instance", RdsInstance::dbInstanceIdentifier,
                RdsInstance::instanceCreateTime, "InstanceCreateTime");
        all.sort(Comparator.comparing(Creation::time).thenComparing(Creation::id));
        return all;
    }

    /** "EC2 instance i-0app was launched (or started again) at ...", naming the AWS field. */
    String describe() {
        String verb = field.equals("LaunchTime") ? "was started at " + time + " (its LaunchTime: launched, or"
                + " started again after a stop)" : "was created at " + time + " (its " + field + ")";
        return kind + " " + id + " " + verb;
    }

    private static <T> void add(List<Creation> all, Fact<List<T>> fact, String kind, Function<T, String> id,
                                Function<T, String> time, String field) {
        if (fact == null || !fact.available()) {
            return;
        }
        for (T resource : fact.value()) {
            String at = time.apply(resource);
            if (at != null && id.apply(resource) != null) {
                try {
                    all.add(new Creation(kind, id.apply(resource), Instant.parse(at), field));
                } catch (DateTimeException unreadable) {
                    // a bundle edited by hand: a time that cannot be read decides nothing
                }
            }
        }
    }
}
