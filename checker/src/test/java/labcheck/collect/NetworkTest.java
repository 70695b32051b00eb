package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcheck.evidence.RouteTable;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static RouteTable table(String id, String vpc, boolean main, String... subnets) {
        return new RouteTable(id, vpc, main, List.of(subnets), List.of());
    }

    private static RouteTable table(String id, boolean main, String... subnets) {
        return table(id, "vpc-1", main, subnets);
    }

    private static Map<String, String> inVpc1(String... subnets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : subnets) {
            m.put(s, "vpc-1");
        }
        return m;
    }

    @Test
    void explicitAssociationWinsOverTheMainTable() {
        List<RouteTable> all = List.of(table("rtb-main", true), table("rtb-a", false, "subnet-a"));

        assertThat(Network.effectiveTables(all, inVpc1("subnet-a"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-a");
    }

    @Test
    void subnetWithoutAssociationUsesTheMainTable() {
        List<RouteTable> all = List.of(table("rtb-a", false, "subnet-a"), table("rtb-main", true));

        assertThat(Network.effectiveTables(all, inVpc1("subnet-a", "subnet-b"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-a", "rtb-main");
    }

    @Test
    void tablesOfOtherSubnetsAreLeftOut() {
        List<RouteTable> all = List.of(table("rtb-main", true), table("rtb-public", false, "subnet-pub"));

        assertThat(Network.effectiveTables(all, inVpc1("subnet-a"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-main");
    }

    @Test
    void subnetInASecondVpcUsesThatVpcsMainTableNotTheFirstOne() {
        List<RouteTable> all = List.of(table("rtb-lab-main", "vpc-lab", true),
                table("rtb-default-main", "vpc-default", true));
        Map<String, String> vpcBySubnet = new LinkedHashMap<>();
        vpcBySubnet.put("subnet-default", "vpc-default");

        assertThat(Network.effectiveTables(all, vpcBySubnet)).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-default-main");
    }

    @Test
    void subnetOfUnknownVpcWithoutAssociationGetsNoGuessedMainTable() {
        List<RouteTable> all = List.of(table("rtb-main", true));
        Map<String, String> vpcBySubnet = new LinkedHashMap<>();
        vpcBySubnet.put("subnet-x", null);

        assertThat(Network.effectiveTables(all, vpcBySubnet)).isEmpty();
    }
}
