package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import labcheck.evidence.app.AppEvidence;

/**
 * Everything a check may read about one student's lab: the only input of grading.
 * One field per source API call, so that AccessDenied on one call makes only that
 * field unavailable.
 *
 * <p>No field can hold a secret: records keep identifiers, never credentials, and URLs
 * pass through {@link SafeUrl}. {@link EvidenceBundle} refuses to write anything that
 * still looks like a key or a password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
        int schemaVersion,
        Subject subject,
        String collectedAt,
        Fact<CallerIdentity> identity,
        Fact<List<CacheCluster>> cacheClusters,
        Fact<List<ReplicationGroup>> replicationGroups,
        Fact<List<ServerlessCache>> serverlessCaches,
        Fact<List<CacheSubnetGroup>> cacheSubnetGroups,
        Fact<List<Subnet>> subnets,
        Fact<List<RouteTable>> routeTables,
        Fact<List<SecurityGroup>> securityGroups,
        Fact<List<Ec2Instance>> instances,
        Fact<List<RdsInstance>> dbInstances,
        Fact<List<MetricAlarm>> alarms,
        Fact<AppEvidence> app,
        List<String> notes) {

    /** The bundle format version; bump on any incompatible change to these records. */
    public static final int SCHEMA_VERSION = 1;

    public Evidence {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Evidence with nothing collected yet; fill it with the {@code with*} methods. */
    public static Evidence empty(Subject subject, String collectedAt) {
        String aws = "run with --region and credentials (--profile, --role-arn or the default chain)";
        String app = "run with --app URL (and --baseline URL for the no-cache app)";
        return new Evidence(SCHEMA_VERSION, subject, collectedAt,
                Fact.notCollected("STS caller identity", aws),
                Fact.notCollected("ElastiCache clusters", aws),
                Fact.notCollected("ElastiCache replication groups", aws),
                Fact.notCollected("ElastiCache serverless caches", aws),
                Fact.notCollected("ElastiCache subnet groups", aws),
                Fact.notCollected("EC2 subnets", aws),
                Fact.notCollected("EC2 route tables", aws),
                Fact.notCollected("EC2 security groups", aws),
                Fact.notCollected("EC2 instances", aws),
                Fact.notCollected("RDS instances", aws),
                Fact.notCollected("CloudWatch alarms", aws),
                Fact.notCollected("The app probe", app),
                List.of());
    }

    public Evidence withApp(Fact<AppEvidence> value) {
        return new Evidence(schemaVersion, subject, collectedAt, identity, cacheClusters, replicationGroups,
                serverlessCaches, cacheSubnetGroups, subnets, routeTables, securityGroups, instances,
                dbInstances, alarms, value, notes);
    }

    /** Replaces every AWS-side field with those of {@code aws}, keeping this evidence's app probe. */
    public Evidence withAwsFrom(Evidence aws) {
        return new Evidence(schemaVersion, subject, collectedAt, aws.identity, aws.cacheClusters,
                aws.replicationGroups, aws.serverlessCaches, aws.cacheSubnetGroups, aws.subnets,
                aws.routeTables, aws.securityGroups, aws.instances, aws.dbInstances, aws.alarms, app,
                concat(notes, aws.notes));
    }

    /** Marks every AWS-side fact unavailable for one reason (no credentials, an expired token). */
    public Evidence withAwsUnavailable(Unavailable why) {
        return new Evidence(schemaVersion, subject, collectedAt, Fact.unavailable(why), Fact.unavailable(why),
                Fact.unavailable(why), Fact.unavailable(why), Fact.unavailable(why), Fact.unavailable(why),
                Fact.unavailable(why), Fact.unavailable(why), Fact.unavailable(why), Fact.unavailable(why),
                Fact.unavailable(why), app, notes);
    }

    public Evidence withSubject(Subject value) {
        return new Evidence(schemaVersion, value, collectedAt, identity, cacheClusters, replicationGroups,
                serverlessCaches, cacheSubnetGroups, subnets, routeTables, securityGroups, instances,
                dbInstances, alarms, app, notes);
    }

    public Evidence withNote(String note) {
        return new Evidence(schemaVersion, subject, collectedAt, identity, cacheClusters, replicationGroups,
                serverlessCaches, cacheSubnetGroups, subnets, routeTables, securityGroups, instances,
                dbInstances, alarms, app, concat(notes, List.of(note)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
