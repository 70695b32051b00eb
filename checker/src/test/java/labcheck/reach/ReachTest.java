package labcheck.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import labcheck.collect.FreePort;
import labcheck.evidence.Fact;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.WarmCacheProbe;
import labcheck.probe.ProbeSettings;
import org.junit.jupiter.api.Test;

/** The way in over Debian's real sshd on loopback: the probe's evidence restated as the instance sees it. */
class ReachTest extends SshdFixture {

    @Test
    void restatedEvidenceKeepsEveryPartAndNamesTheAppAsTheInstanceSeesIt() throws Exception {
        // GIVEN a reach to the app's port as the instance sees it, and evidence the probe took through the forward
        SshSettings ssh = SshSettings.of(sshd.target(USER), sshd.rsaKey(), null, sshd.knownHosts(dir.resolve("kh")),
                false, Map.of()).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (ServerSocket app = new ServerSocket(FreePort.find(), 5, InetAddress.getLoopbackAddress());
             Reach reach = Reach.through(ssh, ProbeSettings.builder().appUrl(
                     "http://127.0.0.1:" + app.getLocalPort()).build(), null, line -> { })) {
            String asSeen = "http://127.0.0.1:" + app.getLocalPort();
            assertThat(reach.failure()).isNull();
            String forwarded = reach.settings().appUrl();
            WarmCacheProbe warm = new WarmCacheProbe("127.0.0.1:6379", List.of(3, 1, 2), "101");
            AppEvidence probed = AppEvidence.builder().appUrl(forwarded).durationMs(5)
                    .notes(List.of("probe note.")).warmCache(Fact.of(warm)).build();

            // WHEN it is restated
            AppEvidence restated = reach.restate(Fact.of(probed)).value();

            // THEN the app is named as the instance sees it, the cache-warming read survives, and the notes say how
            assertThat(forwarded).isNotEqualTo(asSeen);
            assertThat(restated.appUrl()).isEqualTo(asSeen);
            assertThat(restated.warmCache()).isNotNull();
            assertThat(restated.warmCache().value()).isEqualTo(warm);
            assertThat(restated.durationMs()).isEqualTo(5);
            assertThat(restated.notes()).last().isEqualTo("probe note.");
            assertThat(restated.notes()).anyMatch(n -> n.startsWith("Reached through SSH"));
        }
    }
}
