package labapp;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import labapp.backends.Databases;
import labapp.backends.RedisConnector;
import labapp.config.ConnectionOptions;
import labapp.config.Settings;
import labapp.product.ProductCache;
import labapp.product.ProductRepository;
import labapp.product.ProductService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import redis.clients.jedis.JedisPool;

/**
 * {@code reference-app warm --top 100}: extension challenge 2, cache warming. SETEX of the N
 * most viewed products (by {@code idx_views}) in one pipeline, with the app's TTL.
 *
 * <pre>{@code
 * DB_PASSWORD=... REDIS_URL=rediss://CLUSTER:6379 java -jar reference-app.jar warm --top 100
 * }</pre>
 */
@Command(name = "warm", mixinStandardHelpOptions = true,
        description = "Cache the N most viewed products (extension challenge 2).")
public final class WarmCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--top", paramLabel = "N", defaultValue = "100", description = "How many products (default 100).")
    int top;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        if (top < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
        }
        Settings s = connection.applyTo(Settings.builder(), env).build();
        try (HikariDataSource db = Databases.pool(s, "warm");
             JedisPool redis = RedisConnector.pool(s)) {
            ProductService service = ProductService.cached(new ProductRepository(db::getConnection),
                    new ProductCache(redis, s.ttlSeconds(), s.redisRetryAfter()), 0);
            List<Integer> ids = service.warm(top);
            spec.commandLine().getOut().printf("warmed %d products with TTL %d s (most viewed first: %s)%n",
                    ids.size(), s.ttlSeconds(), ids.subList(0, Math.min(10, ids.size())));
        }
        return 0;
    }
}
