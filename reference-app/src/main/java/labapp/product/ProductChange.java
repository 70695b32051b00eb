package labapp.product;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The body of {@code PUT /product/{id}}: any of the fields; absent ones keep their value.
 *
 * @param name new name, or null
 * @param price new price, or null
 * @param description new description, or null
 * @param views new view count, or null
 */
public record ProductChange(String name, BigDecimal price, String description, Integer views) {
    public ProductChange {
        if (name != null && (name.isBlank() || name.length() > 100)) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        if (price != null && (price.signum() < 0 || price.precision() - price.scale() > 8 || price.scale() > 2)) {
            throw new IllegalArgumentException("price must be between 0 and 99999999.99 with at most 2 decimals");
        }
        if (views != null && views < 0) {
            throw new IllegalArgumentException("views must be >= 0");
        }
    }

    /** True when no field is given. */
    public boolean isEmpty() {
        return name == null && price == null && description == null && views == null;
    }

    /** This change applied to the existing row, or a new row (which needs name and price). */
    Product applyTo(int id, Optional<Product> existing) {
        if (existing.isEmpty()) {
            if (name == null || price == null) {
                throw new IllegalArgumentException("product " + id + " does not exist; to create it give at least name and price");
            }
            return new Product(id, name, price, description, views == null ? 0 : views);
        }
        Product old = existing.get();
        return new Product(id, name != null ? name : old.name(), price != null ? price : old.price(),
                description != null ? description : old.description(), views != null ? views : old.views());
    }
}
