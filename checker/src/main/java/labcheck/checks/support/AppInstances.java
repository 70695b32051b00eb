package labcheck.checks.support;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.rubric.Thresholds;
import org.opentest4j.AssertionFailedError;

/**
 * Which EC2 instance runs the student's app: the one the app URL names; else the only running
 * instance in the cache's VPC; else, among several, the only one whose security group the
 * cache's Redis port names. Anything else is ambiguous and unverifiable, never a guess.
 *
 * <pre>{@code
 * Ec2Instance app = AppInstances.require(evidence, thresholds);
 * }</pre>
 */
public final class AppInstances {

    private AppInstances() {
    }

    /**
     * The app instance.
     *
     * @throws AssertionFailedError when no running instance exists where the app should be
     * @throws Unverifiable         when instances could not be listed, or several could be the app
     */
    public static Ec2Instance require(Evidence evidence, Thresholds thresholds) {
        String vpcId = null;
        Set<String> referenced = Set.of();
        try {
            RedisPortAccess access = RedisPortAccess.of(evidence, thresholds);
            vpcId = access.vpcId();
            referenced = access.referencedGroups();
        } catch (AssertionError | Unverifiable e) {
            // without the cache the app is looked for in every VPC, which is fine for one instance
        }
        return require(evidence, vpcId, referenced);
    }

    static Ec2Instance require(Evidence evidence, String vpcId, Set<String> referencedGroups) {
        List<Ec2Instance> instances = Unverifiable.require(evidence.instances());
        Optional<Ec2Instance> named = byAppUrl(evidence, instances);
        if (named.isPresent()) {
            return named.get();
        }
        List<Ec2Instance> running = instances.stream()
                .filter(i -> "running".equalsIgnoreCase(i.state()))
                .filter(i -> vpcId == null || vpcId.equals(i.vpcId()))
                .sorted((a, b) -> a.instanceId().compareTo(b.instanceId()))
                .toList();
        String where = vpcId == null ? Texts.inRegion(region(evidence)) : "in " + vpcId + ", the cache's VPC";
        if (running.isEmpty()) {
            throw new AssertionFailedError("No running EC2 instance was found " + where + "; expected the app"
                    + " instance (t2.micro, Amazon Linux 2023, in a public subnet). Fix: launch it, or start it with"
                    + " `aws ec2 start-instances --instance-ids <instance-id>`.");
        }
        if (running.size() == 1) {
            return running.get(0);
        }
        List<Ec2Instance> byRedisRule = running.stream()
                .filter(i -> i.securityGroupIds() != null && i.securityGroupIds().stream().anyMatch(referencedGroups::contains))
                .toList();
        if (byRedisRule.size() == 1) {
            return byRedisRule.get(0);
        }
        throw new Unverifiable("Several running EC2 instances " + where + " ("
                + Texts.join(running.stream().map(AppInstances::describe).toList()) + ") could be the app; run labcheck"
                + " with --app http://<app-public-ip>:5001 so it knows which one is the app.");
    }

    /** "i-1 (product-api)" or "i-1". */
    public static String describe(Ec2Instance instance) {
        return instance.instanceId() + (instance.name() == null ? "" : " (" + instance.name() + ")");
    }

    private static Optional<Ec2Instance> byAppUrl(Evidence evidence, List<Ec2Instance> instances) {
        String host = appHost(evidence);
        if (host == null) {
            return Optional.empty();
        }
        return instances.stream()
                .filter(i -> host.equalsIgnoreCase(String.valueOf(i.publicIpAddress()))
                        || host.equalsIgnoreCase(String.valueOf(i.publicDnsName()))
                        || host.equalsIgnoreCase(String.valueOf(i.privateIpAddress())))
                .findFirst();
    }

    private static String appHost(Evidence evidence) {
        String url = evidence.subject() == null ? null : evidence.subject().appUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String region(Evidence evidence) {
        return evidence.subject() == null ? null : evidence.subject().region();
    }
}
