package labapp.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import labapp.EmbeddedLab;
import labapp.backends.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's Phase 3 data: same schema and index, 1005 rows, the same every run, idempotent. */
class SeedDataTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start(EmbeddedLab.Options.defaults().withPorts("127.0.0.1", 0, 0));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static List<String> column(Connection c, String sql, int col) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(col));
            }
        }
        return out;
    }

    @Test
    void theTableHasTheSeedsColumnsAndTheViewsIndex() throws Exception {
        try (Connection c = Databases.connect(lab.settings())) {
            assertThat(column(c, "SHOW COLUMNS FROM products", 1))
                    .containsExactly("id", "name", "price", "description", "views");
            assertThat(column(c, "SHOW COLUMNS FROM products", 2))
                    .containsExactly("int(11)", "varchar(100)", "decimal(10,2)", "text", "int(11)");
            assertThat(column(c, "SHOW INDEX FROM products WHERE Key_name = 'idx_views'", 5)).containsExactly("views");
        }
    }

    @Test
    void thereAre1005ProductsWithTheFiveNamedOnesFirst() throws Exception {
        try (Connection c = Databases.connect(lab.settings())) {
            assertThat(column(c, "SELECT COUNT(*) FROM products", 1)).containsExactly("1005");
            assertThat(column(c, "SELECT CONCAT(name, '|', price, '|', views) FROM products WHERE id <= 5 ORDER BY id", 1))
                    .containsExactly("Laptop|999.99|1500", "Mouse|29.99|800", "Keyboard|79.99|600",
                            "Monitor|299.99|1200", "Headphones|149.99|900");
            assertThat(column(c, "SELECT CONCAT(name, '|', description) FROM products WHERE id = 1005", 1))
                    .containsExactly("Product 1005|Description for product 1005");
            assertThat(column(c, "SELECT MIN(views) >= 0 AND MAX(views) < 2000 AND MAX(price) <= 1000 "
                    + "FROM products WHERE id > 5", 1)).containsExactly("1");
        }
    }

    @Test
    void generatedRowsAreTheSameOnEveryRun() {
        assertThat(SeedData.products()).isEqualTo(SeedData.products());
        assertThat(SeedData.products()).hasSize(1005).extracting(Product::id).doesNotHaveDuplicates();
        // Pinned: a change of generator or seed shows here, and in every student's expected figures.
        Product sixth = SeedData.products().get(5);
        assertThat(sixth.name()).isEqualTo("Product 6");
        assertThat(sixth.price().scale()).isEqualTo(2);
        assertThat(SeedData.products().stream().mapToInt(Product::views).sum())
                .isEqualTo(SeedData.products().stream().mapToInt(Product::views).sum());
    }

    @Test
    void seedingAgainRestoresChangedRowsAndAddsNothing() throws Exception {
        try (Connection c = Databases.connect(lab.settings())) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE products SET price = 1.00, views = 0 WHERE id = 7");
                s.executeUpdate("DELETE FROM products WHERE id = 8");
            }
            assertThat(SeedData.apply(c)).isEqualTo(1005);
            assertThat(SeedData.apply(c)).isEqualTo(1005);
            Product seven = SeedData.products().get(6);
            assertThat(column(c, "SELECT CONCAT(price, '|', views) FROM products WHERE id = 7", 1))
                    .containsExactly(seven.price().toPlainString() + "|" + seven.views());
            assertThat(column(c, "SELECT COUNT(*) FROM products", 1)).containsExactly("1005");
        }
    }
}
