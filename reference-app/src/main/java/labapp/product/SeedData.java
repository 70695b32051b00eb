package labapp.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The lab's Phase 3 data: the {@code products} table (same columns and {@code idx_views}) with
 * the 5 named products and 1000 generated ones, ids 1..1005.
 *
 * <p>The seed's SQL uses {@code RAND()}, so every student gets other prices and views; here the
 * generated rows come from a fixed-seed {@link Random}, so every run gives the same 1005 rows.
 * Seeding is idempotent: it creates what is missing and puts rows 1..1005 back to their seed
 * values ({@code REPLACE}); rows with other ids are left alone.
 *
 * <pre>{@code
 * try (Connection c = Databases.connect(settings)) {
 *     int rows = SeedData.apply(c);   // 1005
 * }
 * }</pre>
 */
public final class SeedData {
    /** The seed of the generator: change it and every generated row changes. */
    public static final long RANDOM_SEED = 20261126L;
    /** Rows written: 5 named and 1000 generated. */
    public static final int PRODUCT_COUNT = 1005;

    /** The seed's {@code CREATE TABLE}, verbatim apart from layout. */
    public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS products ("
            + " id INT PRIMARY KEY AUTO_INCREMENT,"
            + " name VARCHAR(100),"
            + " price DECIMAL(10,2),"
            + " description TEXT,"
            + " views INT DEFAULT 0,"
            + " INDEX idx_views (views))";

    private SeedData() {
    }

    /** The 1005 products, always the same. */
    public static List<Product> products() {
        List<Product> out = new ArrayList<>(PRODUCT_COUNT);
        out.add(named(1, "Laptop", "999.99", "High-performance laptop", 1500));
        out.add(named(2, "Mouse", "29.99", "Wireless mouse", 800));
        out.add(named(3, "Keyboard", "79.99", "Mechanical keyboard", 600));
        out.add(named(4, "Monitor", "299.99", "27-inch 4K monitor", 1200));
        out.add(named(5, "Headphones", "149.99", "Noise-cancelling headphones", 900));
        Random random = new Random(RANDOM_SEED);
        // As the seed: n runs 6..1005, price ROUND(RAND() * 1000, 2), views FLOOR(RAND() * 2000).
        for (int n = 6; n <= PRODUCT_COUNT; n++) {
            BigDecimal price = BigDecimal.valueOf(random.nextDouble() * 1000).setScale(2, RoundingMode.HALF_UP);
            int views = (int) Math.floor(random.nextDouble() * 2000);
            out.add(new Product(n, "Product " + n, price, "Description for product " + n, views));
        }
        return out;
    }

    private static Product named(int id, String name, String price, String description, int views) {
        return new Product(id, name, new BigDecimal(price), description, views);
    }

    /**
     * Creates the table if needed and writes the 1005 rows in one transaction.
     *
     * @param c a connection to the {@code ecommerce} database (closed by the caller)
     * @return the number of seed rows now present (1005)
     */
    public static int apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "REPLACE INTO products (id, name, price, description, views) VALUES (?, ?, ?, ?, ?)")) {
            for (Product p : products()) {
                ps.setInt(1, p.id());
                ps.setString(2, p.name());
                ps.setBigDecimal(3, p.price());
                ps.setString(4, p.description());
                ps.setInt(5, p.views());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM products WHERE id BETWEEN 1 AND " + PRODUCT_COUNT)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
