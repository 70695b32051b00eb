package labcheck.checks.app;

import static labcheck.engine.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.evidence.Fact;
import labcheck.evidence.app.DeleteProbe;
import labcheck.evidence.app.LoadTestResult;
import labcheck.evidence.app.WriteProbe;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class ExtensionChecksTest {

    private static final String LOAD = "app_load_test_concurrent";
    private static final String PUT = "app_write_through_update";
    private static final String DELETE = "app_delete_invalidates_cache";

    @Test
    void loadIsUnverifiableWhenNotAskedFor() {
        var f = new AppEvidenceFixture();
        f.load = Fact.notCollected("The load test", "run with --concurrency N (up to 1000).");
        assertThat(run(LOAD, f.evidence()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void loadPassesWithoutErrorsAndReportsLatency() {
        var r = run(LOAD, new AppEvidenceFixture().evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.details()).contains("5000.0 req/s").contains("coordinated omission");
    }

    @Test
    void loadFailsWithTooManyErrors() {
        var f = new AppEvidenceFixture();
        f.load = Fact.of(new LoadTestResult(1000, 10_000, 900, 100, 90, AppEvidenceFixture.summary(900, 1, 1, 1, 1, 1),
                AppEvidenceFixture.summary(900, 1, 1, 1, 1, 1), true, List.of("HTTP 503")));
        var r = run(LOAD, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("failed 100").contains("HTTP 503");
    }

    @Test
    void loadJustOverTheErrorLimitShowsTheShareThatCrossedIt() {
        // 21 of 2021 is 1.04%: at one decimal the message said "(1.0%: ...); expected at most 1.0% errors"
        var f = new AppEvidenceFixture();
        f.load = Fact.of(new LoadTestResult(100, 10_000, 2000, 21, 200, AppEvidenceFixture.summary(2000, 1, 1, 1, 1, 1),
                AppEvidenceFixture.summary(2000, 1, 1, 1, 1, 1), true, List.of("HTTP 503")));
        var r = run(LOAD, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("completed 2000 and failed 21 (1.04%: [HTTP 503]); expected at most 1%"
                + " errors.");
        assertThat(r.details()).contains("21 errors (1.04%)");
    }

    @Test
    void putIsUnverifiableWhenWriteProbesWereOff() {
        var f = new AppEvidenceFixture();
        f.write = Fact.notCollected("The PUT probe", "run without --no-writes.");
        assertThat(run(PUT, f.evidence()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void putPassesWhenTheCacheHoldsTheUpdate() {
        assertThat(run(PUT, new AppEvidenceFixture().evidence()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void putFailsWhenTheAppHasNoUpdateRoute() {
        var f = new AppEvidenceFixture();
        f.write = Fact.of(new WriteProbe(false, 7, 405, null, false, null, true, null));
        assertThat(run(PUT, f.evidence()).message()).contains("HTTP 405").contains("no update endpoint");
    }

    @Test
    void putEarnsHalfWhenItOnlyInvalidates() {
        var f = new AppEvidenceFixture();
        f.write = Fact.of(new WriteProbe(true, 7, 200, "MISS", true, false, true, null));
        var r = run(PUT, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.message()).contains("not the cache");
    }

    @Test
    void deletePassesWhenTheKeyIsGoneAndGetAnswers404() {
        var r = run(DELETE, new AppEvidenceFixture().evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.message()).isEqualTo("DELETE /product/8 on http://app:5001 answered HTTP 200, the next GET"
                + " answered HTTP 404 and product:8 was gone from Redis.");
    }

    @Test
    void deleteFailsWhenTheCacheStillServesTheProduct() {
        var f = new AppEvidenceFixture();
        f.delete = Fact.of(new DeleteProbe(true, 8, 200, 200, true, false, true, null));
        var r = run(DELETE, f.evidence());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("still served the deleted product").contains("still in Redis");
    }

    @Test
    void aDeleteThatErrsAndLeavesTheKeyGetsBothFailuresEachWithItsFix() {
        var f = new AppEvidenceFixture();
        f.delete = Fact.of(new DeleteProbe(true, 8, 500, 200, true, false, true, null));

        var r = run(DELETE, f.evidence());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message().lines().toList()).satisfiesExactly(
                status -> assertThat(status).contains("answered HTTP 500; expected 200 or 204").contains("Fix: "),
                stale -> assertThat(stale).contains("still in Redis").contains("Fix: DEL product:<id>"));
    }

    @Test
    void deleteIsUnverifiableWhenTheAppWasNotProbed() {
        assertThat(run(DELETE, AppEvidenceFixture.noProbe()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }
}
