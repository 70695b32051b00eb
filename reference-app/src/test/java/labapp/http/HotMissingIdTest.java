package labapp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import labapp.EmbeddedLab;
import labapp.LabHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A hot missing id must not send every request to MySQL (the seed queried it every time). */
class HotMissingIdTest {
    private static EmbeddedLab lab;

    @BeforeAll
    static void start() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static long comSelect() throws Exception {
        try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.dbUser(), lab.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void twoHundredConcurrentRequestsForAMissingIdQueryMysqlAtMostTwice() throws Exception {
        LabHttp.get(lab.cacheUrl() + "/health");
        long appQueriesBefore = lab.app().cacheService().repository().queries();
        long selectsBefore = comSelect();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> LabHttp.get(lab.cacheUrl() + "/product/777777").status()));
            }
            for (Future<Integer> f : answers) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(404);
            }
        } finally {
            pool.shutdownNow();
        }

        long appQueries = lab.app().cacheService().repository().queries() - appQueriesBefore;
        long selects = comSelect() - selectsBefore;
        assertThat(appQueries).as("queries the app sent for 200 requests of a missing id").isLessThanOrEqualTo(2);
        // Com_select also counts our own SHOW STATUS connection set-up and new pool connections.
        assertThat(selects).as("Com_select on MariaDB for 200 requests of a missing id").isLessThan(20);
    }

    @Test
    void aBurstOnAColdProductQueriesMysqlOnceNotOncePerRequest() throws Exception {
        try (redis.clients.jedis.Jedis j = new redis.clients.jedis.Jedis(lab.redisHost(), lab.redisPort())) {
            j.del("product:555");
        }
        long before = lab.app().cacheService().repository().queries();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return LabHttp.get(lab.cacheUrl() + "/product/555").status();
                }));
            }
            go.countDown();
            for (Future<Integer> f : answers) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lab.app().cacheService().repository().queries() - before)
                .as("MySQL queries for 100 concurrent first reads of product 555").isLessThanOrEqualTo(2);
    }

    @Test
    void theNoCacheAppQueriesEveryTimeWhichIsTheBaselineTheCacheFixes() {
        long before = lab.app().noCacheService().repository().queries();
        for (int i = 0; i < 20; i++) {
            assertThat(LabHttp.get(lab.baselineUrl() + "/product/888888").status()).isEqualTo(404);
        }
        assertThat(lab.app().noCacheService().repository().queries() - before).isEqualTo(20);
    }
}
