package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One product as the database holds it, read by labcheck over its own connection: what a right
 * answer for that id carries. A column the student's table lacks is null.
 *
 * <pre>{@code
 * ProductRow row = new ProductRow(7, "Product 2", "512.40", "Description for product 2", 1200L);
 * row.difference(ServedProduct.of("{\"id\":1,\"name\":\"Laptop\",\"price\":999.99}"));
 * // "product 1 (Laptop)"
 * }</pre>
 *
 * @param id          the product id
 * @param name        {@code name}
 * @param price       {@code price} as the database writes its DECIMAL, e.g. "999.99"
 * @param description {@code description}
 * @param views       {@code views} when read (shown, never compared: see {@link ServedProduct})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductRow(int id, String name, String price, String description, Long views) {

    /**
     * How {@code served} differs from this row, as a clause ("product 1 (Laptop)" when it is another
     * product, else the fields that differ), or null when it carries this product. A field the answer
     * leaves out is not held against it: only a field it carries with another value is.
     */
    public String difference(ServedProduct served) {
        if (served == null) {
            return null;
        }
        boolean otherName = served.name() != null && !served.name().equals(name);
        if (served.id() != null && served.id() != id || served.id() == null && otherName) {
            return served.describe();
        }
        List<String> fields = new ArrayList<>();
        if (otherName) {
            fields.add("name \"" + served.name() + "\" where the database has \"" + name + "\"");
        }
        BigDecimal cents = cents(price);
        if (served.price() != null && cents != null && served.price().compareTo(cents) != 0) {
            fields.add("price " + served.price().toPlainString() + " where the database has " + price);
        }
        if (served.description() != null && !Objects.equals(served.description(), description)) {
            fields.add("description \"" + clip(served.description()) + "\" where the database has \""
                    + clip(description) + "\"");
        }
        return fields.isEmpty() ? null : "product " + id + " with " + String.join(" and ", fields);
    }

    /** This row for a sentence: "product 7 (Product 2)". */
    public String describe() {
        return "product " + id + (name == null ? "" : " (" + name + ")");
    }

    private static BigDecimal cents(String price) {
        if (price == null) {
            return null;
        }
        try {
            return new BigDecimal(price.trim()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
