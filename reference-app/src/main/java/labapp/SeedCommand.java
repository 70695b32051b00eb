package labapp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import labapp.backends.Databases;
import labapp.config.ConnectionOptions;
import labapp.config.Settings;
import labapp.product.SeedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reference-app seed}: the lab's Phase 3 (database, table with {@code idx_views}, 1005
 * products), reproducible and safe to run again.
 *
 * <pre>{@code
 * DB_PASSWORD=... java -jar reference-app.jar seed --db-url jdbc:mysql://RDS:3306/ecommerce --db-user admin
 * }</pre>
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Create the ecommerce database, the products table and the 1005 seed products (idempotent).")
public final class SeedCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws SQLException {
        Settings settings = connection.applyTo(Settings.builder(), env).build();
        int rows = seed(settings);
        spec.commandLine().getOut().printf("seeded %d products (ids 1..%d) in %s%n",
                rows, SeedData.PRODUCT_COUNT, labapp.config.Redaction.url(settings.dbUrl()));
        return 0;
    }

    /** Seeds the database of {@code settings}, creating the database itself when missing. */
    static int seed(Settings settings) throws SQLException {
        String url = settings.dbUrl();
        if (!url.contains("createDatabaseIfNotExist")) {
            url += (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
        }
        try (Connection c = Databases.connect(settings.toBuilder().dbUrl(url).build())) {
            return SeedData.apply(c);
        }
    }
}
