package labcheck.checks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import labcheck.evidence.SecurityGroup.IngressRule;
import labcheck.evidence.SecurityGroup;

/**
 * Which sources a set of security groups lets reach one port: the one place that reads
 * inbound rules (protocol {@code -1} and port ranges that cover the port count).
 *
 * <pre>{@code
 * List<PortAccess.Grant> grants = PortAccess.grants(redisGroups, 6379);
 * }</pre>
 */
public final class PortAccess {

    private PortAccess() {
    }

    /** The kind of source a rule names. */
    public enum Source { GROUP, CIDR_V4, CIDR_V6, PREFIX_LIST }

    /** One source allowed to reach the port, and the rule of {@code groupId} that allows it. */
    public record Grant(String groupId, IngressRule rule, Source kind, String source) {

        public boolean isAddressRange() {
            return kind != Source.GROUP;
        }

        /** "0.0.0.0/0 (the whole internet)", "10.0.0.0/16", "sg-1", "pl-1 (a prefix list)". */
        public String describeSource() {
            return switch (kind) {
                case CIDR_V4, CIDR_V6 -> source + ("0.0.0.0/0".equals(source) || "::/0".equals(source)
                        ? " (the whole internet)" : "");
                case PREFIX_LIST -> source + " (a prefix list)";
                case GROUP -> "security group " + source;
            };
        }

        /** The exact CLI command that removes this grant. */
        public String revokeCommand() {
            String source = switch (kind) {
                case GROUP -> "UserIdGroupPairs=[{GroupId=" + this.source + "}]";
                case CIDR_V4 -> "IpRanges=[{CidrIp=" + this.source + "}]";
                case CIDR_V6 -> "Ipv6Ranges=[{CidrIpv6=" + this.source + "}]";
                case PREFIX_LIST -> "PrefixListIds=[{PrefixListId=" + this.source + "}]";
            };
            return "aws ec2 revoke-security-group-ingress --group-id " + groupId + " --ip-permissions '"
                    + permission(rule) + "," + source + "'";
        }
    }

    /** True when the rule lets traffic reach {@code port}: all traffic, or TCP with a range covering it. */
    public static boolean covers(IngressRule rule, int port) {
        String protocol = rule.ipProtocol() == null ? "" : rule.ipProtocol().toLowerCase(Locale.ROOT);
        if (protocol.equals("-1") || protocol.equals("all")) {
            return true;
        }
        if (!protocol.equals("tcp") && !protocol.equals("6")) {
            return false;
        }
        Integer from = rule.fromPort();
        Integer to = rule.toPort();
        if (from == null || from == -1) {
            return true;
        }
        return from <= port && port <= (to == null ? from : to);
    }

    /** Every source the groups allow to reach {@code port}, in group and rule order. */
    public static List<Grant> grants(List<SecurityGroup> groups, int port) {
        List<Grant> grants = new ArrayList<>();
        for (SecurityGroup group : groups) {
            for (IngressRule rule : group.ingressRules() == null ? List.<IngressRule>of() : group.ingressRules()) {
                if (!covers(rule, port)) {
                    continue;
                }
                add(grants, group.groupId(), rule, Source.GROUP, rule.referencedGroupIds());
                add(grants, group.groupId(), rule, Source.CIDR_V4, rule.ipv4Ranges());
                add(grants, group.groupId(), rule, Source.CIDR_V6, rule.ipv6Ranges());
                add(grants, group.groupId(), rule, Source.PREFIX_LIST, rule.prefixListIds());
            }
        }
        return List.copyOf(grants);
    }

    /** "tcp 6379", "tcp 0-65535", "all traffic". */
    public static String describeRule(IngressRule rule) {
        String protocol = rule.ipProtocol() == null ? "" : rule.ipProtocol().toLowerCase(Locale.ROOT);
        if (protocol.equals("-1") || protocol.equals("all")) {
            return "all traffic";
        }
        if (rule.fromPort() == null || rule.fromPort() == -1) {
            return protocol + " all ports";
        }
        Integer to = rule.toPort() == null ? rule.fromPort() : rule.toPort();
        return protocol + " " + (rule.fromPort().equals(to) ? String.valueOf(to) : rule.fromPort() + "-" + to);
    }

    private static String permission(IngressRule rule) {
        String protocol = rule.ipProtocol() == null ? "-1" : rule.ipProtocol();
        if (protocol.equals("-1") || rule.fromPort() == null) {
            return "IpProtocol=" + protocol;
        }
        return "IpProtocol=" + protocol + ",FromPort=" + rule.fromPort() + ",ToPort="
                + (rule.toPort() == null ? rule.fromPort() : rule.toPort());
    }

    private static void add(List<Grant> grants, String groupId, IngressRule rule, Source kind, List<String> sources) {
        if (sources != null) {
            sources.forEach(s -> grants.add(new Grant(groupId, rule, kind, s)));
        }
    }
}
