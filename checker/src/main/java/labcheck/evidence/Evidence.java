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
        String aws = "run with --region and credentials (--profile, --role-arn or the default chain).";
        String app = "run with --app URL (and --baseline URL for the no-cache app).";
        // one flag leaves every AWS fact out: one cause, so the scoresheet asks for --region once
        return builder().schemaVersion(SCHEMA_VERSION).subject(subject).collectedAt(collectedAt)
                .identity(notGiven("--region", "STS caller identity", aws))
                .cacheClusters(notGiven("--region", "ElastiCache clusters", aws))
                .replicationGroups(notGiven("--region", "ElastiCache replication groups", aws))
                .serverlessCaches(notGiven("--region", "ElastiCache serverless caches", aws))
                .cacheSubnetGroups(notGiven("--region", "ElastiCache subnet groups", aws))
                .subnets(notGiven("--region", "EC2 subnets", aws))
                .routeTables(notGiven("--region", "EC2 route tables", aws))
                .securityGroups(notGiven("--region", "EC2 security groups", aws))
                .instances(notGiven("--region", "EC2 instances", aws))
                .dbInstances(notGiven("--region", "RDS instances", aws))
                .alarms(notGiven("--region", "CloudWatch alarms", aws))
                .cloudTrail(Fact.notCollected("CloudTrail's event history", NO_DEADLINE))
                .app(notGiven("--app", "The app probe", app))
                .notes(List.of()).build();
    }

    /** The one fix of every AWS fact left out for want of a region and credentials. */
    static final String AWS_FIX = "No AWS region or credentials were given, so nothing was read from AWS: run"
            + " labcheck with --region REGION and credentials (--profile NAME, --role-arn ARN or the default chain),"
            + " or on the EC2 instance with its role, then run it again.";

    private static <T> Fact<T> notGiven(String flag, String what, String howToCollect) {
        Unavailable why = Unavailable.notGiven(flag, what, howToCollect);
        return Fact.unavailable("--region".equals(flag) ? new Unavailable(why.code(), why.action(), why.message(),
                AWS_FIX) : why);
    }

    /**
     * This evidence for a run with a deadline: the collector then reads CloudTrail's writes after it.
     *
     * @param deadline ISO-8601 with a zone, e.g. {@code 2026-12-05T17:00:00Z}; null for none
     */
    public Evidence withDeadline(String deadline) {
        String aws = "run with --region and credentials (--profile, --role-arn or the default chain).";
        return toBuilder().deadline(deadline).cloudTrail(deadline == null
                ? Fact.notCollected("CloudTrail's event history", NO_DEADLINE)
                : notGiven("--region", "CloudTrail's event history", aws)).build();
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

    /**
     * This evidence with every part outside {@code kept} "not collected" with {@code why}: what a
     * run that gathered only {@code kept} would hold.
     */
    public Evidence keepOnly(java.util.Set<EvidencePart> kept, String why) {
        return EvidencePart.keepOnly(this, kept, why);
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
