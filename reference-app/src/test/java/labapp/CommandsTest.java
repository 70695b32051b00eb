package labapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import labapp.config.Mode;
import labapp.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import redis.clients.jedis.Jedis;

/** The {@code seed} and {@code warm} subcommands and flag/env resolution, against real servers. */
class CommandsTest {
    private static EmbeddedLab lab;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        if (command instanceof SeedCommand s) {
            s.env = env;
        } else if (command instanceof WarmCommand w) {
            w.env = env;
        } else if (command instanceof Main m) {
            m.env = env;
        }
        CommandLine cl = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void seedTakesThePasswordFromAFileAndRecreatesAMissingDatabase() throws Exception {
        Path pw = Files.writeString(tmp.resolve("db-password"), lab.settings().dbPassword() + "\n");
        try (Connection c = DriverManager.getConnection(lab.settings().dbUrl(), lab.settings().dbUser(),
                lab.settings().dbPassword()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE products");
        }
        Run r = run(new SeedCommand(), Map.of(), "--db-url", lab.jdbcUrl(), "--db-user", lab.settings().dbUser(),
                "--db-password-file", pw.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("seeded 1005 products");
        assertThat(r.out()).doesNotContain(lab.settings().dbPassword());
        try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM products")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1005);
        }
    }

    @Test
    void seedWithAWrongPasswordFailsWithoutPrintingIt() {
        Run r = run(new SeedCommand(), Map.of("DB_URL", lab.jdbcUrl(), "DB_USER", "labapp", "DB_PASSWORD", "wrong-secret-42"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.out() + r.err()).contains("Access denied").doesNotContain("wrong-secret-42");
    }

    @Test
    void warmReadsEnvironmentAndCachesTheTopN() {
        try (Jedis j = new Jedis(lab.redisHost(), lab.redisPort())) {
            j.flushAll();
            Run r = run(new WarmCommand(), Map.of("DB_URL", lab.jdbcUrl(), "DB_USER", lab.settings().dbUser(),
                    "DB_PASSWORD", lab.settings().dbPassword(), "REDIS_URL", lab.redis().url()), "--top", "25");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("warmed 25 products with TTL 3600 s");
            assertThat(j.keys("product:*")).hasSize(25);
        }
    }

    @Test
    void flagsWinOverEnvironmentAndPasswordsNeverShowInSettings() {
        Main main = new Main();
        main.env = Map.of("DB_URL", "jdbc:mysql://env-host:3306/ecommerce", "DB_USER", "envuser",
                "DB_PASSWORD", "s3cret-pw", "REDIS_URL", "rediss://:tok3n@cache.example:6380/0",
                "APP_MODE", "no-cache", "CACHE_TTL_SECONDS", "120", "NO_CACHE_PORT", "15000");
        new CommandLine(main).parseArgs("--db-user", "flaguser", "--cache-port", "15001");
        Settings s = main.settings();

        assertThat(s.dbUrl()).isEqualTo("jdbc:mysql://env-host:3306/ecommerce");
        assertThat(s.dbUser()).isEqualTo("flaguser");
        assertThat(s.dbPassword()).isEqualTo("s3cret-pw");
        assertThat(s.mode()).isEqualTo(Mode.NO_CACHE);
        assertThat(s.ttlSeconds()).isEqualTo(120);
        assertThat(s.cachePort()).isEqualTo(15001);
        assertThat(s.noCachePort()).isEqualTo(15000);
        assertThat(s.toString()).doesNotContain("s3cret-pw").doesNotContain("tok3n").contains("rediss://***@cache.example");
    }

    @Test
    void theDefaultsAreTheLabsAndBadValuesAreRejectedWithTheReason() {
        Main main = new Main();
        main.env = Map.of();
        new CommandLine(main).parseArgs();
        Settings s = main.settings();
        assertThat(s.mode()).isEqualTo(Mode.BOTH);
        assertThat(s.cachePort()).isEqualTo(5001);
        assertThat(s.noCachePort()).isEqualTo(5000);
        assertThat(s.ttlSeconds()).isEqualTo(3600);

        Main bad = new Main();
        bad.env = Map.of("REDIS_URL", "http://x:1");
        new CommandLine(bad).parseArgs();
        org.assertj.core.api.Assertions.assertThatThrownBy(bad::settings).hasMessageContaining("redis:// or rediss://");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mode.parse("fast")).hasMessageContaining("cache, no-cache or both");
    }

    @Test
    void aPortInUseIsNamedWithTheFixNotAStackTrace() throws Exception {
        int port = labapp.backends.FreePorts.pick();
        try (java.net.ServerSocket busy = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Run r = run(new Main(), Map.of("DB_URL", lab.jdbcUrl(), "DB_USER", lab.dbUser(),
                    "DB_PASSWORD", lab.dbPassword(), "REDIS_URL", "redis://" + lab.redisHost() + ":" + lab.redisPort()),
                    "--mode", "cache", "--bind", "127.0.0.1", "--cache-port", String.valueOf(port));

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("already in use (cache " + port + ", no-cache any free port)")
                    .contains("Fix: choose free ports with --cache-port")
                    .doesNotContain("\tat ")
                    .doesNotContain(lab.dbPassword());
        }
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run r = run(new Main(), Map.of(), "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--embedded", "--mode", "seed", "warm", "Exit codes", "DB_PASSWORD");
    }
}
