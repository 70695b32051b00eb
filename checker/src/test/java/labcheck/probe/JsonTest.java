package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    @Test
    void pricesEqualByValueAreTheSameProduct() throws Exception {
        assertThat(Json.sameProduct(json("{\"price\":999.99}"), json("{\"price\":\"999.990\"}"))).isTrue();
        assertThat(Json.sameProduct(json("{\"price\":999.99}"), json("{\"price\":1000}"))).isFalse();
    }

    @Test
    void aPriceWithAnAbsurdExponentNeitherThrowsNorIsComparedByValue() throws Exception {
        for (String price : new String[] {"\"1e2147483647\"", "\"1e300000000\"", "\"1e-2147483648\"",
                "\"" + "9".repeat(5000) + "\"", "1e300000000"}) {
            JsonNode cached = json("{\"price\":" + price + "}");
            JsonNode fresh = json("{\"price\":999.99}");

            assertThat(Json.sameProduct(cached, fresh)).as(price).isFalse();
            assertThat(Json.sameProduct(cached, cached)).as("%s equals itself, compared as text", price).isTrue();
        }
    }

    @Test
    void boundedDecimalRefusesNumbersWhoseArithmeticWouldBeCostly() {
        assertThat(Json.boundedDecimal("999.99")).isEqualByComparingTo("999.99");
        assertThat(Json.boundedDecimal("1e2147483647")).isNull();
        assertThat(Json.boundedDecimal("1e300000000")).isNull();
        assertThat(Json.boundedDecimal("cheap")).isNull();
    }
}
