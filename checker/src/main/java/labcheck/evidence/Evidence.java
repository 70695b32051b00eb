package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import labcheck.evidence.app.AppEvidence;

/**
 * Everything a check may read about one student's lab: the only input of grading.
 * One field per source API call, so that AccessDenied on one call makes only that
 * field unavailable.
 *
 * <p>{@code deadline} is the deadline the run was given ({@code --deadline}, ISO-8601 with its zone), or
 * null; with one, {@code cloudTrail} holds the write events on the lab's resources after it.
 *
 * <p>No field can hold a secret: records keep identifiers, never credentials, and URLs
 * pass through {@link SafeUrl}. {@link EvidenceBundle} refuses to write anything that
 * still looks like a key or a password.
 *
 * <pre>{@code
 * Evidence e = Evidence.empty(subject, collectedAt).toBuilder()
 *         .cacheClusters(Fact.of(clusters))
 *         .build();
 * }</pre>
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
        int schemaVersion,
        Subject subject,
        String collectedAt,
        String deadline,
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
        Fact<TrailLookup> cloudTrail,
        Fact<AppEvidence> app,
        List<String> notes) {

    /** The bundle format version; bump on any incompatible change to these records. */
    public static final int SCHEMA_VERSION = 1;

    public Evidence {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** How to have CloudTrail read: what a run without a deadline says about changes after one. */
    public static final String NO_DEADLINE = "run with --deadline TIME (ISO-8601 with a zone, e.g."
            + " 2026-12-05T17:00:00Z) to look for changes made to the lab after the deadline.";

    /** A builder with every field unset (null; schemaVersion 0); most callers start from {@link #empty}. */
    public static EvidenceBuilder builder() {
        return EvidenceBuilder.builder();
    }

    /** A builder holding this evidence's fields, to change some and build new evidence. */
    public EvidenceBuilder toBuilder() {
        return EvidenceBuilder.builder(this);
    }

    /** Evidence with nothing collected yet; fill it with {@link #toBuilder()} or the {@code with*} methods. */
    public static Evidence empty(Subject subject, String collectedAt) {
        String aws = "run with --region and credentials (--profile, --role-arn or the default chain)";
        String app = "run with --app URL (and --baseline URL for the no-cache app)";
        return builder().schemaVersion(SCHEMA_VERSION).subject(subject).collectedAt(collectedAt)
                .identity(Fact.notCollected("STS caller identity", aws))
                .cacheClusters(Fact.notCollected("ElastiCache clusters", aws))
                .replicationGroups(Fact.notCollected("ElastiCache replication groups", aws))
                .serverlessCaches(Fact.notCollected("ElastiCache serverless caches", aws))
                .cacheSubnetGroups(Fact.notCollected("ElastiCache subnet groups", aws))
                .subnets(Fact.notCollected("EC2 subnets", aws))
                .routeTables(Fact.notCollected("EC2 route tables", aws))
                .securityGroups(Fact.notCollected("EC2 security groups", aws))
                .instances(Fact.notCollected("EC2 instances", aws))
                .dbInstances(Fact.notCollected("RDS instances", aws))
                .alarms(Fact.notCollected("CloudWatch alarms", aws))
                .cloudTrail(Fact.notCollected("CloudTrail's event history", NO_DEADLINE))
                .app(Fact.notCollected("The app probe", app))
                .notes(List.of()).build();
    }

    /**
     * This evidence for a run with a deadline: the collector then reads CloudTrail's writes after it.
     *
     * @param deadline ISO-8601 with a zone, e.g. {@code 2026-12-05T17:00:00Z}; null for none
     */
    public Evidence withDeadline(String deadline) {
        String aws = "run with --region and credentials (--profile, --role-arn or the default chain)";
        return toBuilder().deadline(deadline).cloudTrail(deadline == null
                ? Fact.notCollected("CloudTrail's event history", NO_DEADLINE)
                : Fact.notCollected("CloudTrail's event history", aws)).build();
    }

    public Evidence withApp(Fact<AppEvidence> value) {
        return toBuilder().app(value).build();
    }

    /**
     * Replaces every AWS-side field with those of {@code aws}, keeping this evidence's app probe.
     * It starts from {@code aws} and names what stays, so a new AWS fact needs no change here.
     */
    public Evidence withAwsFrom(Evidence aws) {
        return aws.toBuilder().schemaVersion(schemaVersion).subject(subject).collectedAt(collectedAt)
                .deadline(deadline).app(app).notes(concat(notes, aws.notes)).build();
    }

    /** Marks every AWS-side fact unavailable for one reason (no credentials, an expired token). */
    public Evidence withAwsUnavailable(Unavailable why) {
        return toBuilder().identity(Fact.unavailable(why)).cacheClusters(Fact.unavailable(why))
                .replicationGroups(Fact.unavailable(why)).serverlessCaches(Fact.unavailable(why))
                .cacheSubnetGroups(Fact.unavailable(why)).subnets(Fact.unavailable(why))
                .routeTables(Fact.unavailable(why)).securityGroups(Fact.unavailable(why))
                .instances(Fact.unavailable(why)).dbInstances(Fact.unavailable(why))
                .alarms(Fact.unavailable(why))
                .cloudTrail(deadline == null ? cloudTrail : Fact.unavailable(why)).build();
    }

    public Evidence withSubject(Subject value) {
        return toBuilder().subject(value).build();
    }

    public Evidence withNote(String note) {
        return toBuilder().notes(concat(notes, List.of(note))).build();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
