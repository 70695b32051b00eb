package labcheck.checks.support;

import java.util.List;
import java.util.Optional;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.RouteTable;
import labcheck.evidence.Subnet;

/**
 * Decides whether a subnet is public the way AWS routes it: by the route table explicitly
 * associated with it, else by the main route table of the subnet's own VPC (never another VPC's,
 * and only for a subnet the evidence describes, whose effective table the collector includes). A subnet is
 * public when that table sends 0.0.0.0/0 or ::/0 to an internet gateway ({@code igw-});
 * a route to a NAT gateway keeps it private.
 *
 * <pre>{@code
 * Optional<Routing.Verdict> v = Routing.judge(evidence, "subnet-0ab1", null);
 * boolean open = v.map(Routing.Verdict::isPublic).orElse(false);
 * }</pre>
 */
public final class Routing {

    private Routing() {
    }

    /**
     * How one subnet routes to the internet.
     *
     * @param explicit      true when the table is explicitly associated with the subnet
     * @param internetRoute the active route for 0.0.0.0/0 or ::/0 to an {@code igw-}, or null
     */
    public record Verdict(String subnetId, String vpcId, RouteTable table, boolean explicit,
                          RouteTable.Route internetRoute) {

        public boolean isPublic() {
            return internetRoute != null;
        }

        /** "route table rtb-1 (explicitly associated)" or "route table rtb-1 (the main route table of vpc-1)". */
        public String describeTable() {
            return "route table " + table.routeTableId() + (explicit ? " (explicitly associated)"
                    : " (the main route table of " + vpcId + ")");
        }

        /** "sends 0.0.0.0/0 to igw-1" or "has no route for 0.0.0.0/0 or ::/0 to an internet gateway". */
        public String describeRoute() {
            if (internetRoute == null) {
                return "has no route for 0.0.0.0/0 or ::/0 to an internet gateway";
            }
            String destination = internetRoute.destinationCidrBlock() != null
                    ? internetRoute.destinationCidrBlock() : internetRoute.destinationIpv6CidrBlock();
            return "sends " + destination + " to " + internetRoute.gatewayId();
        }
    }

    /**
     * The verdict for {@code subnetId}, or empty when the evidence holds no table that applies.
     * The main table of the subnet's VPC is used only for a subnet the evidence describes (see
     * {@link #describes}): the collector keeps only the tables its subnets use, so for any other
     * subnet a missing explicit association may just be a table that was not collected, and the
     * main table would be a guess.
     *
     * @param vpcHint the subnet's VPC when the subnets list does not hold it (e.g. from a cache subnet group)
     * @throws Unverifiable when route tables could not be listed
     */
    public static Optional<Verdict> judge(Evidence evidence, String subnetId, String vpcHint) {
        List<RouteTable> tables = Unverifiable.require(evidence.routeTables());
        String vpcId = vpcOf(evidence, subnetId).orElse(vpcHint);
        Optional<RouteTable> explicit = tables.stream()
                .filter(t -> t.associatedSubnetIds() != null && t.associatedSubnetIds().contains(subnetId))
                .findFirst();
        Optional<RouteTable> table = explicit.isPresent() || !describes(evidence, subnetId) ? explicit : tables.stream()
                .filter(t -> Boolean.TRUE.equals(t.main()) && vpcId != null && vpcId.equals(t.vpcId()))
                .findFirst();
        return table.map(t -> new Verdict(subnetId, vpcId != null ? vpcId : t.vpcId(), t, explicit.isPresent(),
                internetRoute(t)));
    }

    /**
     * True when the evidence describes {@code subnetId}: it is in the subnets list or in a cache
     * subnet group. The collector includes the effective route table of every such subnet.
     */
    public static boolean describes(Evidence evidence, String subnetId) {
        boolean listed = evidence.subnets() != null && evidence.subnets().available()
                && evidence.subnets().value().stream().anyMatch(s -> subnetId.equals(s.subnetId()));
        boolean grouped = evidence.cacheSubnetGroups() != null && evidence.cacheSubnetGroups().available()
                && evidence.cacheSubnetGroups().value().stream()
                        .anyMatch(g -> g.subnetIds() != null && g.subnetIds().contains(subnetId));
        return listed || grouped;
    }

    /** The subnet's VPC according to the subnets list, when that list was collected and holds it. */
    public static Optional<String> vpcOf(Evidence evidence, String subnetId) {
        if (evidence.subnets() == null || !evidence.subnets().available()) {
            return Optional.empty();
        }
        return evidence.subnets().value().stream()
                .filter(s -> subnetId.equals(s.subnetId()))
                .map(Subnet::vpcId)
                .filter(v -> v != null)
                .findFirst();
    }

    static RouteTable.Route internetRoute(RouteTable table) {
        if (table.routes() == null) {
            return null;
        }
        return table.routes().stream()
                .filter(r -> r.state() == null || "active".equalsIgnoreCase(r.state()))
                .filter(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) || "::/0".equals(r.destinationIpv6CidrBlock()))
                .filter(r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-"))
                .findFirst()
                .orElse(null);
    }
}
