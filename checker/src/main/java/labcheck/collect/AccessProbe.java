package labcheck.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;

/**
 * Whether labcheck could collect a student's lab, asked without collecting it: the credentials (or the
 * role assumption) through STS GetCallerIdentity, then one cheap call per action of the shipped policy,
 * each asking for the fewest records the API allows. A denied action is named as the collection would
 * name it ({@code grant ec2:DescribeRouteTables}), so the fix can be made before the deadline.
 *
 * <pre>{@code
 * AccessProbe.Result r = AccessProbe.run(settings);
 * r.failure();   // null, or why no call can be made (credentials, AssumeRole, the endpoint)
 * r.denied();    // e.g. {ec2:DescribeRouteTables=AccessDenied on ec2:DescribeRouteTables: grant ...}
 * }</pre>
 */
public final class AccessProbe {

    /** One call per policy action; sts:GetCallerIdentity is the identity check itself. */
    static final Map<String, Function<AwsClients, Object>> CALLS = calls();

    private static final int THREADS = 4;

    /**
     * @param identity the ARN labcheck ran as, or null
     * @param failure  why nothing could be asked (credentials, AssumeRole, an endpoint that does not answer), or null
     * @param denied   each action AWS refused, with its reason
     * @param other    each action that failed otherwise (an emulator's gap, throttling, a 5xx): not a permission
     *                 problem, but unverified
     */
    public record Result(String identity, String failure, Map<String, Unavailable> denied,
                         Map<String, Unavailable> other) {

        public Result {
            denied = Map.copyOf(denied);
            other = Map.copyOf(other);
        }

        static Result failed(String why) {
            return new Result(null, why, Map.of(), Map.of());
        }
    }

    private AccessProbe() {
    }

    /** Every action of the shipped policy that a probe asks. */
    public static Set<String> probedActions() {
        Set<String> all = new java.util.TreeSet<>(CALLS.keySet());
        all.add("sts:GetCallerIdentity");
        return all;
    }

    /** Asks AWS as {@code settings} say; never throws for what AWS answers. */
    public static Result run(AwsSettings settings) {
        try (AwsClients clients = new AwsClients(settings)) {
            String where = settings.endpointUrl() != null ? "the endpoint " + settings.endpointUrl()
                    : "AWS in " + clients.region.id();
            Fact<CallerIdentity> identity = new Identity(clients, settings, where).verify();
            if (!identity.available()) {
                return Result.failed(identity.unavailable().message());
            }
            Calls calls = new Calls(where, settings.collectionBudget());
            Map<String, Unavailable> denied = new LinkedHashMap<>();
            Map<String, Unavailable> other = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "labcheck-access");
                t.setDaemon(true);
                return t;
            });
            try {
                Map<String, CompletableFuture<Fact<Object>>> answers = new LinkedHashMap<>();
                for (String action : ReadOnlyPolicy.actions()) {
                    Function<AwsClients, Object> call = CALLS.get(action);
                    if (call != null) {
                        answers.put(action, CompletableFuture.supplyAsync(
                                () -> calls.call(action, () -> call.apply(clients)), pool));
                    }
                }
                answers.forEach((action, f) -> {
                    Fact<Object> answer = f.join();
                    if (!answer.available()) {
                        Unavailable why = answer.unavailable();
                        if ("AccessDenied".equals(why.code())) {
                            denied.put(action, why);
                        } else if (AwsSetupException.CREDENTIALS_REJECTED.equals(why.code())) {
                            throw new AwsSetupException(why.message(), true);
                        } else {
                            other.put(action, why);
                        }
                    }
                });
            } finally {
                pool.shutdownNow();
            }
            return new Result(identity.value().arn(), null, denied, other);
        } catch (AwsSetupException e) {
            return Result.failed(e.getMessage());
        }
    }

    private static Map<String, Function<AwsClients, Object>> calls() {
        Map<String, Function<AwsClients, Object>> m = new LinkedHashMap<>();
        m.put("cloudtrail:LookupEvents", c -> c.cloudTrail.lookupEvents(r -> r.maxResults(1)));
        m.put("cloudwatch:DescribeAlarms", c -> c.cloudWatch.describeAlarms(r -> r.maxRecords(1)));
        m.put("ec2:DescribeInstances", c -> c.ec2.describeInstances(r -> r.maxResults(5)));
        m.put("ec2:DescribeRouteTables", c -> c.ec2.describeRouteTables(r -> r.maxResults(5)));
        m.put("ec2:DescribeSecurityGroups", c -> c.ec2.describeSecurityGroups(r -> r.maxResults(5)));
        m.put("ec2:DescribeSubnets", c -> c.ec2.describeSubnets(r -> r.maxResults(5)));
        m.put("elasticache:DescribeCacheClusters", c -> c.elastiCache.describeCacheClusters(r -> r.maxRecords(20)));
        m.put("elasticache:DescribeCacheSubnetGroups",
                c -> c.elastiCache.describeCacheSubnetGroups(r -> r.maxRecords(20)));
        m.put("elasticache:DescribeReplicationGroups",
                c -> c.elastiCache.describeReplicationGroups(r -> r.maxRecords(20)));
        m.put("elasticache:DescribeServerlessCaches", c -> c.elastiCache.describeServerlessCaches(r -> r.maxResults(1)));
        m.put("rds:DescribeDBInstances", c -> c.rds.describeDBInstances(r -> r.maxRecords(20)));
        return m;
    }

    /** The policy's actions no probe asks (none, unless an action was added without its probe). */
    public static List<String> unprobed() {
        List<String> missing = new ArrayList<>(ReadOnlyPolicy.actions());
        missing.removeAll(probedActions());
        return missing;
    }
}
