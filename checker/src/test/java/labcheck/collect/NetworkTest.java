package labcheck.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.RouteTable;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static RouteTable table(String id, boolean main, String... subnets) {
        return new RouteTable(id, "vpc-1", main, List.of(subnets), List.of());
    }

    @Test
    void explicitAssociationWinsOverTheMainTable() {
        List<RouteTable> all = List.of(table("rtb-main", true), table("rtb-a", false, "subnet-a"));

        assertThat(Network.effectiveTables(all, List.of("subnet-a"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-a");
    }

    @Test
    void subnetWithoutAssociationUsesTheMainTable() {
        List<RouteTable> all = List.of(table("rtb-a", false, "subnet-a"), table("rtb-main", true));

        assertThat(Network.effectiveTables(all, List.of("subnet-a", "subnet-b"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-a", "rtb-main");
    }

    @Test
    void tablesOfOtherSubnetsAreLeftOut() {
        List<RouteTable> all = List.of(table("rtb-main", true), table("rtb-public", false, "subnet-pub"));

        assertThat(Network.effectiveTables(all, List.of("subnet-a"))).extracting(RouteTable::routeTableId)
                .containsExactly("rtb-main");
    }
}
