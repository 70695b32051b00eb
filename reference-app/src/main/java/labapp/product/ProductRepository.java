package labapp.product;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import labapp.backends.ConnectionSource;

/**
 * The {@code products} table over JDBC. Every connection is closed in the method that opened it
 * (no leak when MySQL fails mid-request); every SQL failure becomes
 * {@link DatabaseUnavailableException}.
 *
 * <pre>{@code
 * ProductRepository repo = new ProductRepository(pool::getConnection);
 * Optional<Product> laptop = repo.find(1);
 * }</pre>
 */
public final class ProductRepository {
    static final String COLUMNS = "id, name, price, description, views";
    private final ConnectionSource connections;
    private final LongAdder queries = new LongAdder();

    public ProductRepository(ConnectionSource connections) {
        this.connections = java.util.Objects.requireNonNull(connections, "connections");
    }

    /** The product with this id, read from the database. */
    public Optional<Product> find(int id) {
        queries.increment();
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM products WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read product " + id, e);
        }
    }

    /** The {@code n} most viewed products (uses {@code idx_views}). */
    public List<Product> topByViews(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("top N must be >= 0, not " + n);
        }
        queries.increment();
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM products ORDER BY views DESC, id LIMIT ?")) {
            ps.setInt(1, n);
            List<Product> out = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read the top " + n + " products", e);
        }
    }

    /**
     * Updates the given fields of product {@code id}, or creates it when absent (then name and
     * price are required). Returns the row as stored.
     */
    public Saved save(int id, ProductChange change) {
        queries.increment();
        try (Connection c = connections.get()) {
            c.setAutoCommit(false);
            try {
                Optional<Product> old = lockRow(c, id);
                Product merged = change.applyTo(id, old);
                String sql = old.isPresent()
                        ? "UPDATE products SET name = ?, price = ?, description = ?, views = ? WHERE id = ?"
                        : "INSERT INTO products (name, price, description, views, id) VALUES (?, ?, ?, ?, ?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, merged.name());
                    ps.setBigDecimal(2, merged.price());
                    ps.setString(3, merged.description());
                    ps.setInt(4, merged.views());
                    ps.setInt(5, id);
                    ps.executeUpdate();
                }
                Product stored = lockRow(c, id).orElseThrow();
                c.commit();
                return new Saved(stored, old.isEmpty());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("save product " + id, e);
        }
    }

    /** Deletes product {@code id}; false when there was none. */
    public boolean delete(int id) {
        queries.increment();
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement("DELETE FROM products WHERE id = ?")) {
            ps.setInt(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw unavailable("delete product " + id, e);
        }
    }

    /** True when a connection can be had and answers within a second. */
    public boolean ping() {
        try (Connection c = connections.get()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Statements sent to the database since start (reads and writes). */
    public long queries() {
        return queries.sum();
    }

    private static Optional<Product> lockRow(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM products WHERE id = ? FOR UPDATE")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static Product row(ResultSet rs) throws SQLException {
        BigDecimal price = rs.getBigDecimal("price");
        return new Product(rs.getInt("id"), rs.getString("name"), price == null ? BigDecimal.ZERO : price,
                rs.getString("description"), rs.getInt("views"));
    }

    private static DatabaseUnavailableException unavailable(String what, SQLException e) {
        return new DatabaseUnavailableException("database unavailable: cannot " + what + " ("
                + e.getClass().getSimpleName() + ", SQLState " + e.getSQLState() + ")", e);
    }

    /**
     * The outcome of {@link #save(int, ProductChange)}.
     *
     * @param product the row as stored
     * @param created true when the row was inserted
     */
    public record Saved(Product product, boolean created) {
    }
}
