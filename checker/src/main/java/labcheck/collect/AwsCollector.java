package labcheck.collect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.MetricAlarm;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subnet;
import labcheck.evidence.TrailLookup;
import labcheck.evidence.Unavailable;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;

/**
 * Collects a student's lab from their AWS account, read-only: every call is a Describe, Get or
 * CloudTrail LookupEvents listed in {@link ReadOnlyPolicy}. STS GetCallerIdentity goes first so bad credentials fail fast
 * with one message; after that, each call that fails leaves only its own {@link Fact} unavailable.
 * With a deadline in the evidence ({@link Evidence#withDeadline}), CloudTrail's write events on the
 * lab's resources after it are read last ({@link Trail}).
 *
 * <pre>{@code
 * try (AwsCollector collector = AwsCollector.create(settings)) {
 *     Evidence evidence = collector.collect(Evidence.empty(subject, clock.instant().toString()));
 * }
 * }</pre>
 */
public final class AwsCollector implements AutoCloseable {

    /** Bounded parallelism: enough to overlap round trips, few enough not to trip throttling. */
    private static final int THREADS = 4;

    private final AwsSettings settings;
    private final AwsClients clients;
    private final ExecutorService pool;
    private final String where;

    private AwsCollector(AwsSettings settings, AwsClients clients) {
        this.settings = settings;
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "labcheck-aws");
            t.setDaemon(true);
            return t;
        });
        this.where = settings.endpointUrl() != null ? "the endpoint " + settings.endpointUrl()
                : "AWS in " + clients.region.id();
    }

    /** Builds the clients; throws {@link AwsSetupException} when no region can be found. */
    public static AwsCollector create(AwsSettings settings) {
        return new AwsCollector(settings, new AwsClients(settings));
    }

    /** The region collection runs in (from the flag, the profile or the environment). */
    public String region() {
        return clients.region.id();
    }

    /**
     * Returns {@code base} with every AWS fact filled, a value or the reason it is unavailable.
     *
     * @throws AwsSetupException when there are no credentials or AWS rejects them
     */
    public Evidence collect(Evidence base) {
        Calls calls = new Calls(where, settings.collectionBudget());
        Fact<CallerIdentity> identity = new Identity(clients, settings, where).verify();
        if (!identity.available() && "Timeout".equals(identity.unavailable().code())) {
            // an endpoint that never answers would cost a call timeout per call, minutes in all: ask nothing more
            return base.withAwsUnavailable(new Unavailable("Timeout", null, identity.unavailable().message()
                    .replaceFirst("\\.$", "") + "; nothing else was asked of AWS, since every call would wait as"
                    + " long."));
        }
        Api api = new Api(clients, calls);

        var clustersF = async(api::cacheClusters);
        var groupsF = async(api::replicationGroups);
        var serverlessF = async(api::serverlessCaches);
        var dbF = async(api::dbInstances);
        var alarmsF = async(api::alarms);
        CacheDiscovery found = CacheDiscovery.resolve(settings.clusterId(), region(), clustersF.join(),
                groupsF.join(), serverlessF.join());

        Network network = new Network(api, found, settings.appUrl(), pool);
        Network.Result net = network.collect();

        rejectedMidway(found, net, dbF.join(), alarmsF.join());
        List<String> notes = new ArrayList<>(found.notes());
        notes.addAll(net.notes());
        Evidence aws = base.toBuilder().identity(identity)
                .cacheClusters(found.clusters()).replicationGroups(found.groups())
                .serverlessCaches(found.serverless()).cacheSubnetGroups(net.subnetGroups())
                .subnets(net.subnets()).routeTables(net.routeTables()).securityGroups(net.securityGroups())
                .instances(net.instances()).dbInstances(dbF.join()).alarms(alarmsF.join())
                .notes(notes).build();
        if (base.deadline() != null) {
            // after the rest: the lab's resources are what the lookup looks for
            Fact<TrailLookup> writes = new Trail(clients.cloudTrail, calls).lookup(base.deadline(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    LabResources.of(aws));
            rejectedMidway(found, net, writes);
            aws = aws.toBuilder().cloudTrail(writes).build();
        }
        return base.withAwsFrom(aws);
    }

    /**
     * Only what names the lab's endpoints, for {@code labcheck doctor}: the caches (as the collection
     * finds the lab's) and the RDS instances, in one round of parallel calls; no identity call (the
     * doctor's permission probe makes it), no network, no alarms. Every other AWS part is left as
     * {@code base} has it.
     */
    public Evidence collectEndpoints(Evidence base) {
        Api api = new Api(clients, new Calls(where, settings.collectionBudget()));
        var clustersF = async(api::cacheClusters);
        var groupsF = async(api::replicationGroups);
        var serverlessF = async(api::serverlessCaches);
        var dbF = async(api::dbInstances);
        CacheDiscovery found = CacheDiscovery.resolve(settings.clusterId(), region(), clustersF.join(),
                groupsF.join(), serverlessF.join());
        return base.toBuilder().cacheClusters(found.clusters()).replicationGroups(found.groups())
                .serverlessCaches(found.serverless()).dbInstances(dbF.join()).build();
    }

    /**
     * Only what EC2 Instance Connect needs to reach the instance at {@code sshHost} ({@code batch --preflight}):
     * the live instances with that public or private address or DNS name, and their security groups (to name
     * the one that closes port 22), within the settings' call timeout and collection budget. The rest of
     * {@code base} is left as it is; nothing else is asked of AWS.
     */
    public Evidence instancesAt(Evidence base, String sshHost) {
        Calls calls = new Calls(where, settings.collectionBudget());
        Ec2Calls ec2Calls = new Ec2Calls(clients.ec2, calls);
        AppHost host = sshHost == null ? null : AppHost.sshHost(sshHost);
        Fact<List<Ec2Instance>> instances = host == null
                ? Fact.unavailable(new Unavailable("NotSearchable", null, "'" + sshHost + "' is not an address EC2"
                + " can be searched by (a public or private IPv4 address or DNS name)"))
                : ec2Calls.instances(List.of(), host);
        List<String> groupIds = !instances.available() ? List.of() : instances.value().stream()
                .filter(i -> i.securityGroupIds() != null).flatMap(i -> i.securityGroupIds().stream()).distinct()
                .sorted().toList();
        Fact<List<SecurityGroup>> groups = groupIds.isEmpty() ? Fact.of(List.of()) : ec2Calls.securityGroups(groupIds);
        return base.toBuilder().instances(instances).securityGroups(groups).build();
    }

    /**
     * A session that expires after the identity call makes every later call fail: that is a credential
     * failure, not a lab with most facts missing.
     */
    private static void rejectedMidway(CacheDiscovery found, Network.Result net, Fact<?>... more) {
        List<Fact<?>> facts = new ArrayList<>(List.of(more));
        facts.addAll(List.of(found.clusters(), found.groups(), found.serverless(), net.subnetGroups(), net.subnets(),
                net.routeTables(), net.securityGroups(), net.instances()));
        for (Fact<?> f : facts) {
            if (!f.available() && AwsSetupException.CREDENTIALS_REJECTED.equals(f.unavailable().code())) {
                throw new AwsSetupException("AWS accepted the credentials, then rejected them during collection ("
                        + f.unavailable().describe() + "). Nothing was graded on the partial evidence.", true);
            }
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> s) {
        return CompletableFuture.supplyAsync(s, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        clients.close();
    }


    /** The independent, region-wide calls (the rest depend on which cache was found). */
    record Api(AwsClients c, Calls calls) {

        static final int MAX_ITEMS = 500;

        Fact<List<CacheCluster>> cacheClusters() {
            return calls.call("elasticache:DescribeCacheClusters", () -> c.elastiCache
                    .describeCacheClustersPaginator(r -> r.showCacheNodeInfo(true)).cacheClusters().stream()
                    .limit(MAX_ITEMS).map(FromElastiCache::cluster).toList());
        }

        Fact<List<ReplicationGroup>> replicationGroups() {
            return calls.call("elasticache:DescribeReplicationGroups", () -> c.elastiCache
                    .describeReplicationGroupsPaginator(r -> { }).replicationGroups().stream()
                    .limit(MAX_ITEMS).map(FromElastiCache::replicationGroup).toList());
        }

        Fact<List<ServerlessCache>> serverlessCaches() {
            return calls.call("elasticache:DescribeServerlessCaches", () -> c.elastiCache
                    .describeServerlessCachesPaginator(r -> { }).serverlessCaches().stream()
                    .limit(MAX_ITEMS).map(FromElastiCache::serverless).toList());
        }

        Fact<List<RdsInstance>> dbInstances() {
            return calls.call("rds:DescribeDBInstances", () -> c.rds.describeDBInstancesPaginator(r -> { })
                    .dbInstances().stream().limit(MAX_ITEMS).map(FromOthers::db).toList());
        }

        Fact<List<MetricAlarm>> alarms() {
            return calls.call("cloudwatch:DescribeAlarms", () -> c.cloudWatch
                    .describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM)).metricAlarms().stream()
                    // filtered before the cap: an account's first 500 alarms may all be on EC2
                    .filter(FromOthers::onElastiCache).limit(MAX_ITEMS).map(FromOthers::alarm).toList());
        }

        Fact<List<CacheSubnetGroup>> subnetGroups(List<String> names) {
            return calls.call("elasticache:DescribeCacheSubnetGroups", () -> names.stream()
                    .flatMap(n -> c.elastiCache.describeCacheSubnetGroupsPaginator(r -> r.cacheSubnetGroupName(n))
                            .cacheSubnetGroups().stream())
                    .map(FromElastiCache::subnetGroup).toList());
        }
    }

    /** A fact that could not be collected because an earlier one was unavailable. */
    static <T> Fact<T> blockedBy(Unavailable up, String what) {
        return Fact.unavailable(new Unavailable(up.code(), up.action(), what + " could not be collected: "
                + up.message()));
    }
}
