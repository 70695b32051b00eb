package labapp.product;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the lab's {@code products} table. Serialised in the column order of the seed's
 * {@code SELECT *} with {@code price} as a JSON number, in the cache and in responses alike.
 *
 * @param id primary key
 * @param name product name (VARCHAR(100))
 * @param price price (DECIMAL(10,2))
 * @param description description (TEXT)
 * @param views view count (indexed by {@code idx_views})
 */
@JsonPropertyOrder({"id", "name", "price", "description", "views"})
public record Product(int id, String name, BigDecimal price, String description, int views) {
    public Product {
        if (id <= 0) {
            throw new IllegalArgumentException("product id must be positive, not " + id);
        }
        Objects.requireNonNull(price, "price");
    }
}
