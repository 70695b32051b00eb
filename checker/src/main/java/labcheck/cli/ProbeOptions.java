package labcheck.cli;

import java.nio.file.Path;
import java.time.Duration;
import labcheck.probe.Limits;
import labcheck.run.ProbeRequest;
import picocli.CommandLine.Option;

/** The app-probe options of {@code check}: the two apps, and Redis and MySQL where reachable. */
public final class ProbeOptions {

    /** The longest app probe accepted: an hour; anything longer is a typo. */
    static final int MAX_BUDGET_SECONDS = 3600;

    @Option(names = "--app", paramLabel = "URL", description = "The cache app, e.g. http://3.80.1.2:5001.")
    String appUrl;

    @Option(names = "--baseline", paramLabel = "URL", description = "The no-cache app, e.g. http://3.80.1.2:5000.")
    String baselineUrl;

    @Option(names = "--redis", paramLabel = "HOST:PORT",
            description = "Redis to read product keys from (host:port, redis:// or rediss:// for TLS). "
                    + "From outside the VPC it is unreachable: run on the EC2 instance or through a tunnel.")
    String redis;

    @Option(names = "--redis-user", description = "Redis ACL user (ElastiCache RBAC), if any.")
    String redisUser;

    @Option(names = "--redis-password-env", paramLabel = "VAR",
            description = "Environment variable holding the Redis AUTH token.")
    String redisPasswordEnv;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Product database, read-only, e.g. jdbc:mysql://mydb.xxxx.rds.amazonaws.com:3306/ecommerce.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (default: admin).")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VAR", defaultValue = "DB_PASSWORD",
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String dbPasswordEnv;

    @Option(names = "--requests", paramLabel = "N",
            description = "Requests per app in the timing comparison (default: the rubric's, 100).")
    Integer requests;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "0",
            description = "Concurrent load test for the bonus (0 = off, at most 1000).")
    int concurrency;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "120",
            description = "Most time the app probe may take, with --ssh the connection, the forwards and the"
                    + " source read included (default: ${DEFAULT-VALUE}).")
    int budgetSeconds;

    @Option(names = "--no-writes",
            description = "Never send PUT or DELETE to the app (the bonus write-through and invalidation checks are"
                    + " then unverifiable); everything else is the same.")
    boolean noWrites;

    @Option(names = "--source", paramLabel = "FILE",
            description = "The app's source, to show the judge the cache-before-database excerpt (with --ssh, a"
                    + " file on the instance, e.g. ~/product-api/app_with_cache.py).")
    Path source;

    boolean requested() {
        return appUrl != null;
    }

    /** With {@code --ssh}, the apps default to the instance's own ports. */
    void defaultToInstance() {
        if (appUrl == null) {
            appUrl = "http://localhost:5001";
        }
        if (baselineUrl == null) {
            baselineUrl = "http://localhost:5000";
        }
    }

    /** {@code --source} as text: with {@code --ssh} it names a file on the instance. */
    String sourceText() {
        return source == null ? null : source.toString();
    }

    ProbeRequest request(int defaultRequests) {
        return request(defaultRequests, false);
    }

    /** @param remoteSource whether {@code --source} names a file on the instance (not checked here) */
    ProbeRequest request(int defaultRequests, boolean remoteSource) {
        if (budgetSeconds < 5) {
            throw new IllegalArgumentException("--budget " + budgetSeconds + " is too short. Fix: give at least 5"
                    + " seconds (the default is 120).");
        }
        if (budgetSeconds > MAX_BUDGET_SECONDS) {
            throw new IllegalArgumentException("--budget " + budgetSeconds + " seconds is more than an hour. Fix:"
                    + " give the probe at most " + MAX_BUDGET_SECONDS + " seconds (the default is 120).");
        }
        int perApp = requests == null ? defaultRequests : requests;
        if (!Limits.REQUESTS_PER_APP.contains(perApp)) {
            throw new IllegalArgumentException("--requests " + perApp + " is outside " + Limits.REQUESTS_PER_APP
                    + " (fewer than " + Limits.REQUESTS_PER_APP.min() + " pairs show no saving worth trusting). Fix:"
                    + " give --requests from " + Limits.REQUESTS_PER_APP.min() + " to " + Limits.REQUESTS_PER_APP.max()
                    + ", or leave it out for the rubric's " + defaultRequests + ".");
        }
        if (!Limits.CONCURRENCY.contains(concurrency)) {
            throw new IllegalArgumentException("--concurrency " + concurrency + " is outside " + Limits.CONCURRENCY
                    + ". Fix: give 0 (no load test) up to " + Limits.CONCURRENCY.max() + " (the lab's extension asks"
                    + " for 1000).");
        }
        return ProbeRequest.builder().appUrl(appUrl).baselineUrl(baselineUrl)
                .redis(redis).redisUser(redisUser).redisPasswordEnv(redisPasswordEnv)
                .dbUrl(dbUrl).dbUser(dbUser).dbPasswordEnv(dbPasswordEnv)
                .requestsPerApp(perApp).concurrency(concurrency)
                .budget(Duration.ofSeconds(budgetSeconds)).sourceFile(remoteSource ? null : source).noWrites(noWrites)
                .build();
    }
}
