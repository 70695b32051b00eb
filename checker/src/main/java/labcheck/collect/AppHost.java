package labcheck.collect;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Fact;
import labcheck.evidence.SecurityGroup;

/**
 * The app URL's host, and the EC2 filter that finds the instance serving it: a public IP,
 * a public DNS name, or (when a student self-checks from inside the VPC) a private one.
 *
 * @param filter the DescribeInstances filter name, or null for a host EC2 cannot be searched by
 */
record AppHost(String host, String filter) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int REDIS_PORT = 6379;

    static AppHost parse(String appUrl) {
        if (appUrl == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(appUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (IPV4.matcher(host).matches()) {
            try {
                InetAddress a = InetAddress.getByName(host);
                if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
                    return new AppHost(host, null);
                }
                return new AppHost(host, a.isSiteLocalAddress() ? "private-ip-address" : "ip-address");
            } catch (java.net.UnknownHostException e) {
                return new AppHost(host, null);
            }
        }
        if (host.equals("localhost")) {
            return new AppHost(host, null);
        }
        return new AppHost(host, host.endsWith(".internal") ? "private-dns-name" : "dns-name");
    }

    /**
     * An SSH host searched as the address it is: unlike an app URL's {@code localhost}, which means "this
     * instance", a loopback address given as an instance's address is asked for too (AWS then finds none,
     * which is the answer); null for a name EC2 cannot be searched by.
     */
    static AppHost sshHost(String host) {
        AppHost h = parse("http://" + (host.contains(":") ? "[" + host + "]" : host));
        if (h != null && h.filter() == null && IPV4.matcher(h.host()).matches()) {
            return new AppHost(h.host(), "ip-address");
        }
        return h == null || h.filter() == null ? null : h;
    }

    /** Says which instance is the app host and why, so a reader of the bundle can follow the match. */
    static List<String> notes(String appUrl, Fact<List<Ec2Instance>> instances, List<SecurityGroup> cacheGroups) {
        if (!instances.available()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        AppHost host = parse(appUrl);
        if (host != null) {
            instances.value().stream().filter(i -> host.host().equals(i.publicIpAddress())
                            || host.host().equalsIgnoreCase(Objects.toString(i.publicDnsName(), ""))
                            || host.host().equals(i.privateIpAddress()))
                    .forEach(i -> notes.add("App host: EC2 instance " + i.instanceId() + label(i)
                            + " serves the app URL's host " + host.host() + "."));
        }
        List<String> sources = cacheGroups.stream()
                .flatMap(g -> g.ingressRules() == null ? java.util.stream.Stream.empty() : g.ingressRules().stream())
                .filter(r -> coversRedis(r) && r.referencedGroupIds() != null)
                .flatMap(r -> r.referencedGroupIds().stream()).distinct().toList();
        instances.value().stream()
                .filter(i -> i.securityGroupIds() != null && i.securityGroupIds().stream().anyMatch(sources::contains))
                .forEach(i -> notes.add("EC2 instance " + i.instanceId() + label(i) + " is in a security group"
                        + " that the cache's port " + REDIS_PORT + " rule allows."));
        return notes;
    }

    private static boolean coversRedis(SecurityGroup.IngressRule r) {
        if ("-1".equals(r.ipProtocol())) {
            return true;
        }
        return r.fromPort() != null && r.toPort() != null && r.fromPort() <= REDIS_PORT && REDIS_PORT <= r.toPort();
    }

    private static String label(Ec2Instance i) {
        return i.name() == null ? "" : " (" + i.name() + ")";
    }
}
