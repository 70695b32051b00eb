package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.ProductRow;
import labcheck.evidence.app.QueryTiming;
import labcheck.evidence.app.TimingProbe;
import org.junit.jupiter.api.Test;

class DbReaderTest {

    @Test
    void anUnknownDatabaseIsNamedAsSuchNotAsUnreachable() {
        Backends b = Backends.get();
        String url = b.jdbcUrl().substring(0, b.jdbcUrl().lastIndexOf('/') + 1) + "ecommerse";
        DbTarget db = DbTarget.of(url, Credentials.of("root", null));

        Unavailable why = DbReader.connect(db, Duration.ofSeconds(5)).unavailable();

        assertThat(why.code()).isEqualTo("NotFound");
        assertThat(why.message()).contains("answered but has no such database", "Unknown database 'ecommerse'",
                "the lab's is ecommerce").doesNotContain("could not be reached");
    }

    private static DbReader reader() {
        Backends b = Backends.get();
        DbReader.Result r = DbReader.connect(DbTarget.of(b.jdbcUrl(), Credentials.of("root", null)), Duration.ofSeconds(5));
        assertThat(r.unavailable()).isNull();
        return r.reader();
    }

    @Test
    void givenTheSeedsProductsWhenRowsAreReadThenEachCarriesTheLabsColumnsAsTheDatabaseWritesThem() throws Exception {
        try (DbReader db = reader()) {
            List<ProductRow> rows = db.rows(List.of(2, 1, 99999));

            assertThat(rows).containsExactly(new ProductRow(1, "Laptop", "999.99", "High-performance laptop", 1500L),
                    new ProductRow(2, "Mouse", "29.99", "Wireless mouse", 800L));
            assertThat(db.rows(List.of())).isEmpty();
        }
    }

    @Test
    void givenATimingComparisonWhenTheQueryIsTimedThenBothKindsAreSampledAndTheConnectionsCounted() throws Exception {
        try (DbReader db = reader()) {
            QueryTimer timer = QueryTimer.before(db, null);
            // what a no-cache app that connects per request does during the comparison: 4 connections for 4 requests
            for (int i = 0; i < 4; i++) {
                try (java.sql.Connection c = db.openAnother()) {
                    db.queryById(c, 1);
                }
            }
            TimingProbe t = TimingProbe.builder().requestsPerApp(4).warmupPerApp(0).ids(List.of(1, 2))
                    .appClient(Latencies.ofMillis(new double[] {1, 1, 1, 1}))
                    .baselineClient(Latencies.ofMillis(new double[] {5, 5, 5, 5})).problems(List.of()).build();

            QueryTiming q = timer.after(Fact.of(t), Deadline.after(Duration.ofSeconds(30))).value().database().value();

            assertThat(q.pooled().count()).isEqualTo(QueryTimer.POOLED);
            assertThat(q.connectAndQuery().count()).isEqualTo(QueryTimer.CONNECTED);
            assertThat(q.baselineRequests()).isEqualTo(4);
            assertThat(q.baselineConnections()).as("other tests may connect meanwhile").isGreaterThanOrEqualTo(4);
            assertThat(q.opensConnectionPerRequest()).isTrue();
            assertThat(q.path()).isEqualTo("from labcheck's host, directly");
        }
    }

    @Test
    void givenNoDatabaseWhenTheQueryWouldBeTimedThenTheWorkIsUnavailableWithTheReasonAndTheFix() {
        TimingProbe t = TimingProbe.builder().ids(List.of(1)).problems(List.of()).build();
        QueryTimer timer = QueryTimer.before(null, Unavailable.notCollected("Database counters",
                "run with --db-url jdbc:mysql://<rds-endpoint>:3306/ecommerce."));

        Fact<QueryTiming> work = timer.after(Fact.of(t), Deadline.after(Duration.ofSeconds(1))).value().database();

        assertThat(work.available()).isFalse();
        assertThat(work.unavailable().message()).startsWith("The database work a miss needs was not timed, so the"
                + " no-cache app's time could not be corroborated.").contains("--db-url");
    }
}
