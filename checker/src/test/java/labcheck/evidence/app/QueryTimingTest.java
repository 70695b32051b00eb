package labcheck.evidence.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTimingTest {

    private static final LatencySummary POOLED = new LatencySummary(15, 0.4, 0.1, 0.35, 0.6, 0.7, 0.8);
    private static final LatencySummary CONNECTED = new LatencySummary(7, 3.1, 0.5, 2.9, 4.0, 4.2, 4.5);

    @Test
    void givenAConnectionPerRequestWhenReadThenTheNoCacheAppIsHeldToConnectAndQuery() {
        QueryTiming q = new QueryTiming("from labcheck's host, directly", POOLED, CONNECTED, 110L, 110L);

        assertThat(q.opensConnectionPerRequest()).isTrue();
        assertThat(q.neededMs()).isEqualTo(2.9);
        assertThat(q.describe()).contains("accepted 110 connections during the no-cache app's 110 requests")
                .contains("opens one per request");
    }

    @Test
    void givenPooledConnectionsWhenReadThenTheNoCacheAppIsHeldToTheQueryAlone() {
        QueryTiming q = new QueryTiming("from labcheck's host, directly", POOLED, CONNECTED, 110L, 2L);

        assertThat(q.opensConnectionPerRequest()).isFalse();
        assertThat(q.neededMs()).isEqualTo(0.35);
        assertThat(q.neededWork()).isEqualTo("the query on an open connection");
    }

    @Test
    void givenNoConnectionCounterWhenReadThenTheMoreGenerousWorkIsUsed() {
        QueryTiming q = new QueryTiming("from labcheck's host, directly", POOLED, CONNECTED, null, null);

        assertThat(q.opensConnectionPerRequest()).isNull();
        assertThat(q.neededMs()).isEqualTo(2.9);
        assertThat(q.describe()).contains("more generous");
    }
}
