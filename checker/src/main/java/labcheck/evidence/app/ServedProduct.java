package labcheck.evidence.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The lab's fields of one product as the app served it ({@link ProductAnswer#product()}), read
 * leniently: an id or a price may come as a number or as numeric text ({@code 999.99},
 * {@code "999.99"}, a float's {@code 999.9900000001}), key order and extra fields do not matter,
 * and {@code views} is left out (a cache may serve the count it cached, and an app may increment
 * it on every read). A field the answer does not carry is null; so is a price that is no number.
 *
 * <pre>{@code
 * ServedProduct p = ServedProduct.of("{\"price\":\"999.99\",\"id\":1,\"name\":\"Laptop\",\"extra\":true}");
 * p.id();      // 1
 * p.price();   // 999.99
 * }</pre>
 *
 * @param id          the product's id, or null when absent or not a whole number
 * @param name        its name, or null when absent
 * @param price       its price rounded to the cent, or null when absent or not a number
 * @param description its description, or null when absent
 */
public record ServedProduct(Integer id, String name, BigDecimal price, String description) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Longer number texts are no price (and would cost time to parse): a price is a few digits. */
    private static final int MAX_NUMBER_CHARS = 40;

    /**
     * The lab's fields of {@code json} (an object), or null when it cannot be read: absent, cut
     * short by the probe's cap on what it keeps, not an object, or carrying none of the lab's fields.
     */
    public static ServedProduct of(String json) {
        if (json == null || json.endsWith("…")) {
            return null;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        BigDecimal id = decimal(n.get("id"));
        Integer whole = id == null || id.stripTrailingZeros().scale() > 0 || id.abs().compareTo(BigDecimal
                .valueOf(Integer.MAX_VALUE)) > 0 ? null : id.intValue();
        BigDecimal price = decimal(n.get("price"));
        ServedProduct p = new ServedProduct(whole, text(n.get("name")),
                price == null ? null : price.setScale(2, RoundingMode.HALF_UP), text(n.get("description")));
        return p.id == null && p.name == null && p.price == null && p.description == null ? null : p;
    }

    /** Whether {@code other} carries the same lab fields as this one (a product served twice). */
    public boolean sameAs(ServedProduct other) {
        return other != null && Objects.equals(id, other.id) && Objects.equals(name, other.name)
                && Objects.equals(price, other.price) && Objects.equals(description, other.description);
    }

    /** The product for a sentence: "product 1 (Laptop)", or "a product named Laptop" without an id. */
    public String describe() {
        if (id == null) {
            return name == null ? "a product without id or name" : "a product named " + name;
        }
        return "product " + id + (name == null ? "" : " (" + name + ")");
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v == null || v.isNull() || !(v.isNumber() || v.isTextual())) {
            return null;
        }
        String s = v.asText().trim();
        if (s.isEmpty() || s.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            // an exponent as large as "1e999999999" is no price, and scaling it would cost minutes
            return Math.abs((long) d.precision() - d.scale()) > 20 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
