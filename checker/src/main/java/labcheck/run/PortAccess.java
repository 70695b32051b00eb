package labcheck.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Evidence;
import labcheck.evidence.SecurityGroup;
import labcheck.reach.SshTarget;

/**
 * Why sshd on the app instance may not be reachable from here, read from the AWS evidence: its
 * address is private, or its security groups (named) allow the SSH port from nowhere or only from
 * some sources. Said after a connection failed, so the judge knows which group to change.
 *
 * <pre>{@code
 * String why = PortAccess.explain(instance, target, evidence);
 * }</pre>
 */
final class PortAccess {

    private PortAccess() {
    }

    static String explain(Ec2Instance i, SshTarget target, Evidence evidence) {
        if (i.publicIpAddress() == null && target.host().equals(i.privateIpAddress())) {
            return InstanceConnectWay.noPublicAddress(i);
        }
        List<String> ids = i.securityGroupIds() == null ? List.of() : i.securityGroupIds();
        if (ids.isEmpty()) {
            return "The AWS evidence does not say which security groups EC2 instance " + i.instanceId() + " is in."
                    + " Fix: allow TCP " + target.port() + " from this machine's public address in them.";
        }
        int port = target.port();
        List<String> said = new ArrayList<>();
        for (String id : ids) {
            Optional<SecurityGroup> g = evidence.securityGroups().available()
                    ? evidence.securityGroups().value().stream().filter(x -> id.equals(x.groupId())).findFirst()
                    : Optional.empty();
            said.add(g.map(x -> describe(x, port)).orElse(id + " (its rules were not collected)"));
        }
        return "EC2 instance " + i.instanceId() + " is in security group" + (ids.size() > 1 ? "s " : " ")
                + String.join("; ", said) + ". Fix: add an inbound rule to " + String.join(" or ", ids) + " (type SSH,"
                + " TCP " + port + ", source this machine's public address/32, which `curl"
                + " https://checkip.amazonaws.com` shows), then rerun.";
    }

    /** A group and the sources it allows {@code port} from, e.g. {@code sg-1 (web), which allows TCP 22 only from ...}. */
    private static String describe(SecurityGroup g, int port) {
        List<String> sources = new ArrayList<>();
        for (SecurityGroup.IngressRule r : g.ingressRules() == null ? List.<SecurityGroup.IngressRule>of()
                : g.ingressRules()) {
            if (covers(r, port)) {
                add(sources, r.ipv4Ranges());
                add(sources, r.ipv6Ranges());
                add(sources, r.referencedGroupIds());
                add(sources, r.prefixListIds());
            }
        }
        String name = g.groupId() + (g.groupName() == null ? "" : " (" + g.groupName() + ")");
        if (sources.isEmpty()) {
            return name + ", which allows no inbound TCP " + port;
        }
        if (sources.contains("0.0.0.0/0") || sources.contains("::/0")) {
            return name + ", which allows TCP " + port + " from anywhere, so it is not what blocks it (check the"
                    + " subnet's network ACL, and that sshd runs)";
        }
        return name + ", which allows TCP " + port + " only from " + String.join(", ", sources);
    }

    private static boolean covers(SecurityGroup.IngressRule r, int port) {
        if ("-1".equals(r.ipProtocol())) {
            return true;
        }
        return ("tcp".equals(r.ipProtocol()) || "6".equals(r.ipProtocol())) && r.fromPort() != null
                && r.toPort() != null && r.fromPort() <= port && port <= r.toPort();
    }

    private static void add(List<String> to, List<String> from) {
        if (from != null) {
            to.addAll(from);
        }
    }
}
