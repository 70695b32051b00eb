package labcheck.evidence.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LazyLoadProbeTest {

    private static final String P = "{\"id\":7}";

    private static LazyLoadProbe traced(RequestTrace first, RequestTrace second) {
        return new LazyLoadProbe(List.of(new ProductObservation(7, false, answer("MISS"), answer("HIT"), true, first,
                second)), true, 1, 1);
    }

    private static ProductAnswer answer(String label) {
        return new ProductAnswer(200, label, 1.0, 1.5, P, null);
    }

    @Test
    void theBasisSaysWhichOfRedisAndMysqlLabcheckReadSoTheJudgeKnowsHowFarToTrustIt() {
        assertThat(traced(new RequestTrace(false, 1L, true), null).basis()).startsWith("MISS/HIT decided on labcheck's"
                + " own reads (Redis EXISTS product:<id> before and after each request, MySQL Com_select");
        assertThat(traced(new RequestTrace(false, null, true), null).basis()).contains("the database counters were"
                + " not read (run with --db-url)");
        assertThat(traced(new RequestTrace(null, 1L, null), null).basis()).contains("Redis was not read (run with"
                + " --redis)");
        assertThat(traced(null, null).basis()).startsWith("MISS/HIT decided on the app's own cache_status labels");
        assertThat(traced(null, null).evidenced()).isFalse();
        assertThat(traced(new RequestTrace(null, 0L, null), null).evidenced()).isTrue();
    }

    @Test
    void eachRequestIsDescribedByWhatLabcheckSawThenByWhatTheAppClaimed() {
        ProductObservation o = traced(new RequestTrace(false, 1L, true), new RequestTrace(true, 1L, true))
                .observations().get(0);

        assertThat(o.describe()).isEqualTo("product 7: MISS (key absent before, present after, 1 SELECT), label MISS"
                + " then HIT_QUERYING_DB (key present before, present after, 1 SELECT), label HIT");
        assertThat(o.secondTrace().describeOutcome()).isEqualTo("served with product:<id> in Redis yet still queried"
                + " MySQL (1 SELECT)");
        assertThat(new RequestTrace(null, null, null).describeOutcome()).isEqualTo("not judged (no usable answer)");
    }

    @Test
    void theFirstBrokenAnswerIsNamedAndNoneWhenTheAppKeptTheContract() {
        LazyLoadProbe broken = new LazyLoadProbe(List.of(new ProductObservation(7, false, answer("MISS"),
                new ProductAnswer(200, null, null, 1.0, null, "HTTP 200 answered HTML instead of JSON"), false)),
                true, 0, 1);

        assertThat(broken.firstProblem()).isEqualTo("HTTP 200 answered HTML instead of JSON");
        assertThat(traced(null, null).firstProblem()).isNull();
    }
}
