package labcheck.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import labcheck.probe.RemoteTimer;
import org.junit.jupiter.api.Test;

/** Reading back the timing loop's output: bodies of any shape, curl's failures, a cut-off tail. */
class RemoteCurlTest {

    private static final String M = "@@labcheck-test";

    @Test
    void bodiesWithAndWithoutTrailingNewlinesComeBackExactlyWithTheirTimes() {
        String out = "{\"a\":1}\n" + M + " 200 0.001234 0 application/json; charset=utf-8\n"
                + "line1\nline2\n\n" + M + " 404 0.5 0 \n";

        List<RemoteTimer.Timed> t = RemoteCurl.parse(out, M);

        assertThat(t).hasSize(2);
        assertThat(t.get(0).status()).isEqualTo(200);
        assertThat(t.get(0).body()).isEqualTo("{\"a\":1}");
        assertThat(t.get(0).millis()).isEqualTo(1.234, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.get(0).contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(t.get(1).status()).isEqualTo(404);
        assertThat(t.get(1).body()).isEqualTo("line1\nline2\n");
        assertThat(t.get(1).contentType()).isNull();
    }

    @Test
    void curlFailuresAreRefusedOrTimedOutAndAnUnfinishedTailIsDropped() {
        String out = "\n" + M + " 000 0.000100 7 \n"
                + "\n" + M + " 000 5.0 28 \n"
                + "{\"half\":";

        List<RemoteTimer.Timed> t = RemoteCurl.parse(out, M);

        assertThat(t).hasSize(2);
        assertThat(t.get(0).refused()).isTrue();
        assertThat(t.get(0).failure()).contains("could not connect");
        assertThat(t.get(1).timedOut()).isTrue();
        assertThat(t.get(1).failure()).contains("no complete answer in time");
    }

    @Test
    void aCurlTooOldForExitcodeIsReadByItsStatusAlone() {
        // curl before 7.75 writes nothing for %{exitcode}
        String out = "{}\n" + M + " 200 0.002  application/json\n" + "\n" + M + " 000 0.001  \n";

        List<RemoteTimer.Timed> t = RemoteCurl.parse(out, M);

        assertThat(t.get(0).failure()).isNull();
        assertThat(t.get(0).contentType()).isEqualTo("application/json");
        assertThat(t.get(1).failure()).contains("got no answer");
    }

    @Test
    void urlsAreQuotedForTheShell() {
        assertThat(RemoteCurl.quote("http://localhost:5001")).isEqualTo("'http://localhost:5001'");
        assertThat(RemoteCurl.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
