package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import labcheck.evidence.app.SourceExcerpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    private static final String SEED_ROUTE = """
            from flask import Flask, jsonify
            app = Flask(__name__)

            @app.route('/product/<int:product_id>')
            def get_product_with_cache(product_id):
                start_time = time.time()
                cache_key = f'product:{product_id}'
                if redis_client:
                    cached_data = redis_client.get(cache_key)
                    if cached_data:
                        return jsonify({'cache_status': 'HIT'})
                conn = pymysql.connect(**DB_CONFIG)
                cursor = conn.cursor(pymysql.cursors.DictCursor)
                cursor.execute("SELECT * FROM products WHERE id = %s", (product_id,))

            @app.route('/stats')
            def cache_stats():
                return jsonify({})
            """;

    @Test
    void theSeedsRouteReadsTheCacheBeforeTheDatabase(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("app_with_cache.py"), SEED_ROUTE);
        SourceExcerpt s = SourceScanner.scan(f).value();
        assertThat(s.firstLine()).isEqualTo(4);
        assertThat(s.cacheReadLine()).isEqualTo(9);
        assertThat(s.dbQueryLine()).isEqualTo(14);
        assertThat(s.cacheReadBeforeDbQuery()).isTrue();
        assertThat(s.excerpt()).contains("   4 | @app.route('/product/<int:product_id>')").doesNotContain("/stats");
    }

    @Test
    void aRouteQueryingTheDatabaseFirstIsShownAsSuch(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("App.java"), """
                app.get("/product/{id}", ctx -> {
                    Product p = repo.findById(id);
                    String cached = jedis.get("product:" + id);
                });
                """);
        SourceExcerpt s = SourceScanner.scan(f).value();
        assertThat(s.dbQueryLine()).isEqualTo(2);
        assertThat(s.cacheReadLine()).isEqualTo(3);
        assertThat(s.cacheReadBeforeDbQuery()).isFalse();
    }

    @Test
    void aFileWithoutTheRouteOrNoFileIsUnavailableWithTheReason(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("other.py"), "print('hello')\n");
        assertThat(SourceScanner.scan(f).unavailable().message()).contains("No /product route");
        assertThat(SourceScanner.scan(null).unavailable().code()).isEqualTo("NotCollected");
        assertThat(SourceScanner.scan(dir.resolve("missing.py")).unavailable().message()).contains("could not be read");
    }

    @Test
    void anInlinePasswordInTheSourceIsRedactedInTheExcerpt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.py"), SEED_ROUTE.replace("conn = pymysql.connect(**DB_CONFIG)",
                "conn = pymysql.connect(host='db', password='Pl4ntedSrc', user=\"admin\")"));

        SourceExcerpt excerpt = SourceScanner.scan(file).value();

        assertThat(excerpt.excerpt()).contains("password='[redacted]', user=\"admin\")")
                .doesNotContain("Pl4ntedSrc");
    }

    @Test
    void aTextReadOnTheInstanceIsHeldToTheSameByteBoundAsALocalFile(@TempDir Path dir) throws Exception {
        // GIVEN the seed's route followed by 600,000 two-byte characters: 1.2 MB, though fewer than 1 Mi chars
        String big = SEED_ROUTE + "# " + "\u00e9".repeat(600_000) + "\n";
        Path file = Files.writeString(dir.resolve("app_with_cache.py"), big);

        // WHEN it is scanned as a local file and as text read on the instance
        var local = SourceScanner.scan(file);
        var remote = SourceScanner.scanText(SourceText.of("~/app_with_cache.py", big));

        // THEN both are refused as larger than 1 MiB
        assertThat(local.unavailable().message()).contains("larger than 1 MiB");
        assertThat(remote.available()).isFalse();
        assertThat(remote.unavailable().message()).contains("larger than 1 MiB");
    }
}
