package labapp;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import labapp.config.ConnectionOptions;
import labapp.config.Settings;
import labapp.config.ServeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar reference-app.jar}: serves the lab's product API until stopped.
 *
 * <pre>{@code
 * java -jar reference-app.jar --embedded                        # everything on this machine
 * DB_URL=jdbc:mysql://RDS:3306/ecommerce DB_USER=admin DB_PASSWORD=... \
 *   REDIS_URL=rediss://CLUSTER:6379 java -jar reference-app.jar --mode both
 * java -jar reference-app.jar seed                             # schema + 1005 products
 * java -jar reference-app.jar warm --top 100                   # cache the most viewed
 * }</pre>
 */
@Command(name = "reference-app", mixinStandardHelpOptions = true, version = "labcheck reference-app 0.1",
        subcommands = {SeedCommand.class, WarmCommand.class},
        description = "The Caching Server Lab's product API: no-cache and lazy-loading cache apps.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:failed to start or internal error", "2:usage error"})
public final class Main implements Callable<Integer> {
    @Mixin
    ServeOptions serve = new ServeOptions();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--embedded", description = "Start Redis and MariaDB from the jar on free ports, seed them, "
            + "and serve both apps (on free ports of 127.0.0.1 unless given; the no-cache app per-request "
            + "unless --no-cache-db says otherwise). Ignores the DB and Redis URLs.")
    boolean embedded;

    @Option(names = "--seed", description = "Create the schema and the 1005 seed products before serving.")
    boolean seed;

    @Option(names = "--warm", paramLabel = "N", description = "Cache the N most viewed products before serving.")
    Integer warm;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The settings these flags and the environment give (not for {@code --embedded}). */
    Settings settings() {
        return serve.applyTo(connection.applyTo(Settings.builder(), env), env).build();
    }

    @Override
    public Integer call() throws Exception {
        try {
            return serve();
        } catch (RuntimeException e) {
            java.net.BindException taken = bindFailure(e);
            if (taken == null) {
                throw e;
            }
            spec.commandLine().getErr().println("reference-app: a port it was asked to serve on is already in use"
                    + " (cache " + portText(serve.cachePort(env)) + ", no-cache " + portText(serve.noCachePort(env)) + "): "
                    + taken.getMessage() + ". Fix: choose free ports with --cache-port and --no-cache-port, or stop"
                    + " the program holding them (`ss -ltnp` shows which).");
            return 2;
        }
    }

    private static java.net.BindException bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException b) {
                return b;
            }
        }
        return null;
    }

    private static String portText(Integer port) {
        return port == null || port == 0 ? "any free port" : String.valueOf(port);
    }

    private Integer serve() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable running;
        if (embedded) {
            EmbeddedLab lab = EmbeddedLab.start(embeddedOptions());
            out.printf("embedded Redis on %s:%d, MariaDB at %s (user %s, read-only), 1005 products seeded%n",
                    lab.redisHost(), lab.redisPort(), lab.jdbcUrl(), lab.dbUser());
            running = lab;
            report(out, lab.app());
            if (warm != null) {
                out.printf("warmed %d products%n", lab.app().cacheService().warm(warm).size());
            }
        } else {
            Settings settings = settings();
            out.println("starting with " + settings);
            if (seed) {
                out.printf("seeded %d products%n", SeedCommand.seed(settings));
            }
            LabApp app = LabApp.start(settings);
            running = app;
            report(out, app);
            if (warm != null) {
                out.printf("warmed %d products%n", app.cacheService().warm(warm).size());
            }
        }
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // the JVM is going away
            } finally {
                stopped.countDown();
            }
        }, "labapp-shutdown"));
        stopped.await();
        return 0;
    }

    private EmbeddedLab.Options embeddedOptions() {
        // The seed's baseline unless told otherwise: see EmbeddedLab.Options#defaults().
        Settings.Builder b = Settings.builder().bindAddress("127.0.0.1").cachePort(0).noCachePort(0)
                .noCacheConnections(labapp.config.DbConnections.PER_REQUEST);
        Settings s = serve.applyTo(connection.applyTo(b, env), env).build();
        return EmbeddedLab.Options.defaults().withTtlSeconds(s.ttlSeconds())
                .withPorts(s.bindAddress(), s.cachePort(), s.noCachePort())
                .withNoCacheConnections(s.noCacheConnections());
    }

    private static void report(PrintWriter out, LabApp app) {
        if (app.cacheUrl() != null) {
            out.println("cache app    (app_with_cache.py) on " + app.cacheUrl() + "  GET /product/{id} /stats /health");
        }
        if (app.baselineUrl() != null) {
            out.println("no-cache app (app_no_cache.py)   on " + app.baselineUrl() + "  GET /product/{id} /health");
        }
        out.println("stop with Ctrl-C");
    }
}
