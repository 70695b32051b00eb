package labcheck.evidence.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductRowTest {

    private static final ProductRow LAPTOP = new ProductRow(1, "Laptop", "999.99", "High-performance laptop", 1500L);

    @Test
    void givenTheSameProductInAnyHonestRepresentationWhenComparedThenItMatches() {
        // a Decimal as text, a float's digits, key order, an extra field, another views count, an id as text
        for (String served : new String[] {
                "{\"id\":1,\"name\":\"Laptop\",\"price\":999.99,\"description\":\"High-performance laptop\",\"views\":1500}",
                "{\"views\":1501,\"description\":\"High-performance laptop\",\"price\":\"999.99\",\"name\":\"Laptop\",\"id\":\"1\"}",
                "{\"id\":1.0,\"name\":\"Laptop\",\"price\":999.9900000000001,\"cached_at\":\"now\"}",
                "{\"id\":1,\"name\":\"Laptop\",\"price\":\"999.990\",\"description\":\"High-performance laptop\"}"}) {
            assertThat(LAPTOP.difference(ServedProduct.of(served))).as(served).isNull();
        }
    }

    @Test
    void givenAnotherIdsProductWhenComparedThenTheDifferenceNamesTheProductServed() {
        ServedProduct mouse = ServedProduct.of("{\"id\":2,\"name\":\"Mouse\",\"price\":29.99}");

        assertThat(LAPTOP.difference(mouse)).isEqualTo("product 2 (Mouse)");
        assertThat(LAPTOP.difference(ServedProduct.of("{\"name\":\"Mouse\",\"price\":29.99}")))
                .isEqualTo("a product named Mouse");
    }

    @Test
    void givenTheRightIdWithOtherDataWhenComparedThenEachDifferingFieldIsNamed() {
        ServedProduct stale = ServedProduct.of("{\"id\":1,\"name\":\"Laptop\",\"price\":899.5,"
                + "\"description\":\"Old text\"}");

        assertThat(LAPTOP.difference(stale)).isEqualTo("product 1 with price 899.50 where the database has 999.99"
                + " and description \"Old text\" where the database has \"High-performance laptop\"");
    }

    @Test
    void givenAnAnswerThatCannotBeReadWhenParsedThenThereIsNothingToCompare() {
        assertThat(ServedProduct.of(null)).isNull();
        assertThat(ServedProduct.of("{\"id\":1,\"name\":\"Lap…")).as("cut by the probe's cap").isNull();
        assertThat(ServedProduct.of("[1, 2]")).isNull();
        assertThat(ServedProduct.of("{\"sku\":\"A1\"}")).as("none of the lab's fields").isNull();
        assertThat(ServedProduct.of("{\"id\":1,\"price\":\"$999.99\"}").price()).as("no number").isNull();
        assertThat(ServedProduct.of("{\"id\":1,\"price\":1e999999999}").price()).as("no price").isNull();
    }

    @Test
    void givenTwoAnswersWhenComparedWithEachOtherThenOnlyEqualLabFieldsAreTheSame() {
        ServedProduct a = ServedProduct.of("{\"name\":\"Laptop\",\"price\":999.99,\"views\":1}");

        assertThat(a.sameAs(ServedProduct.of("{\"price\":\"999.99\",\"name\":\"Laptop\",\"views\":2}"))).isTrue();
        assertThat(a.sameAs(ServedProduct.of("{\"name\":\"Mouse\",\"price\":999.99}"))).isFalse();
    }
}
