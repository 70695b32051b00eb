package labcheck.evidence;

import java.util.EnumSet;
import java.util.Set;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.AppEvidenceBuilder;

/**
 * One part of the {@link Evidence} a check may read: an AWS call's fact or one part of the app
 * probe. A check declares the parts it reads ({@code @Check(needs = ...)}), so a run that grades
 * a few items gathers only what their checks read.
 *
 * <pre>{@code
 * Set<EvidencePart> needs = EnumSet.of(EvidencePart.SECURITY_GROUPS, EvidencePart.INSTANCES);
 * Evidence only = evidence.keepOnly(needs, "not needed by --item security-group");
 * }</pre>
 */
public enum EvidencePart {
    IDENTITY, CACHE_CLUSTERS, REPLICATION_GROUPS, SERVERLESS_CACHES, CACHE_SUBNET_GROUPS, SUBNETS, ROUTE_TABLES,
    SECURITY_GROUPS, INSTANCES, DB_INSTANCES, ALARMS, CLOUD_TRAIL,
    APP_HEALTH, APP_LAZY_LOAD, APP_REDIS_KEYS, APP_DATABASE, APP_TIMING, APP_STATS, APP_LOAD_TEST,
    APP_WRITE_THROUGH, APP_DELETE, APP_SOURCE, APP_WARM_CACHE, APP_SERVERS;

    /** The parts that name which cache is the lab's: every check that finds the cache reads all three. */
    public static final Set<EvidencePart> CACHE = EnumSet.of(CACHE_CLUSTERS, REPLICATION_GROUPS, SERVERLESS_CACHES);

    /** Whether the part comes from AWS (else from the app probe). */
    public boolean aws() {
        return compareTo(APP_HEALTH) < 0;
    }

    /** Every part from AWS. */
    public static Set<EvidencePart> awsParts() {
        return EnumSet.range(IDENTITY, CLOUD_TRAIL);
    }

    /** Every part of the app probe. */
    public static Set<EvidencePart> appParts() {
        return EnumSet.range(APP_HEALTH, APP_SERVERS);
    }

    /**
     * {@code evidence} with every part outside {@code kept} replaced by "not collected" with
     * {@code why}; the app's own fields (URLs, notes) stay while any app part is kept.
     */
    static Evidence keepOnly(Evidence evidence, Set<EvidencePart> kept, String why) {
        EvidenceBuilder b = evidence.toBuilder();
        for (EvidencePart p : awsParts()) {
            if (!kept.contains(p)) {
                Fact<?> none = Fact.unavailable(Unavailable.notCollected(p.describe(), why));
                p.clearAws(b, none);
            }
        }
        Fact<AppEvidence> app = evidence.app();
        if (kept.stream().noneMatch(p -> !p.aws())) {
            b.app(Fact.unavailable(Unavailable.notCollected("The app probe", why)));
        } else if (app != null && app.available()) {
            AppEvidenceBuilder a = app.value().toBuilder();
            for (EvidencePart p : appParts()) {
                if (!kept.contains(p)) {
                    p.clearApp(a, Fact.unavailable(Unavailable.notCollected(p.describe(), why)));
                }
            }
            b.app(Fact.of(a.build()));
        }
        return b.build();
    }

    /** What the part is, as a sentence's subject ("EC2 security groups"). */
    public String describe() {
        return switch (this) {
            case IDENTITY -> "STS caller identity";
            case CACHE_CLUSTERS -> "ElastiCache clusters";
            case REPLICATION_GROUPS -> "ElastiCache replication groups";
            case SERVERLESS_CACHES -> "ElastiCache serverless caches";
            case CACHE_SUBNET_GROUPS -> "ElastiCache subnet groups";
            case SUBNETS -> "EC2 subnets";
            case ROUTE_TABLES -> "EC2 route tables";
            case SECURITY_GROUPS -> "EC2 security groups";
            case INSTANCES -> "EC2 instances";
            case DB_INSTANCES -> "RDS instances";
            case ALARMS -> "CloudWatch alarms";
            case CLOUD_TRAIL -> "CloudTrail's event history";
            case APP_HEALTH -> "The health probe";
            case APP_LAZY_LOAD -> "The lazy-loading probe";
            case APP_REDIS_KEYS -> "The Redis key probe";
            case APP_DATABASE -> "The database probe";
            case APP_TIMING -> "The timing comparison";
            case APP_STATS -> "The /stats window";
            case APP_LOAD_TEST -> "The load test";
            case APP_WRITE_THROUGH -> "The PUT probe";
            case APP_DELETE -> "The DELETE probe";
            case APP_SOURCE -> "The app's source";
            case APP_WARM_CACHE -> "The cache-warming read";
            case APP_SERVERS -> "The servers' own identity";
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void clearAws(EvidenceBuilder b, Fact none) {
        switch (this) {
            case IDENTITY -> b.identity(none);
            case CACHE_CLUSTERS -> b.cacheClusters(none);
            case REPLICATION_GROUPS -> b.replicationGroups(none);
            case SERVERLESS_CACHES -> b.serverlessCaches(none);
            case CACHE_SUBNET_GROUPS -> b.cacheSubnetGroups(none);
            case SUBNETS -> b.subnets(none);
            case ROUTE_TABLES -> b.routeTables(none);
            case SECURITY_GROUPS -> b.securityGroups(none);
            case INSTANCES -> b.instances(none);
            case DB_INSTANCES -> b.dbInstances(none);
            case ALARMS -> b.alarms(none);
            case CLOUD_TRAIL -> b.cloudTrail(none);
            default -> throw new IllegalStateException(this + " is a part of the app probe");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void clearApp(AppEvidenceBuilder a, Fact none) {
        switch (this) {
            case APP_HEALTH -> a.health(none);
            case APP_LAZY_LOAD -> a.lazyLoad(none);
            case APP_REDIS_KEYS -> a.redis(none);
            case APP_DATABASE -> a.database(none);
            case APP_TIMING -> a.timing(none);
            case APP_STATS -> a.stats(none);
            case APP_LOAD_TEST -> a.loadTest(none);
            case APP_WRITE_THROUGH -> a.writeThrough(none);
            case APP_DELETE -> a.delete(none);
            case APP_SOURCE -> a.source(none);
            case APP_WARM_CACHE -> a.warmCache(none);
            case APP_SERVERS -> a.servers(none);
            default -> throw new IllegalStateException(this + " is an AWS part");
        }
    }
}
