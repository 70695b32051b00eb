package labcheck.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import labcheck.collect.FreePort;
import labcheck.probe.SourceText;
import org.junit.jupiter.api.Test;

/** The way in over Debian's real sshd on loopback: transport only (forwards, the source read there, its notes). */
class ReachTest extends SshdFixture {

    private SshSettings settings(Path knownHosts, boolean acceptNew) {
        return SshSettings.of(sshd.target(USER), sshd.rsaKey(), null, knownHosts, acceptNew, Map.of())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void aForwardReachesTheAddressTheInstanceSeesAndTheSourceIsReadThere() throws Exception {
        // GIVEN a service and a source file where the "instance" sees them
        Path source = dir.resolve("app_with_cache.py");
        Files.writeString(source, "v = redis_client.get(f'product:{id}')\n");
        try (ServerSocket service = new ServerSocket(FreePort.find(), 5, InetAddress.getLoopbackAddress());
             Reach reach = Reach.open(settings(sshd.knownHosts(dir.resolve("kh")), false))) {
            Thread answer = new Thread(() -> {
                for (int i = 0; i < 2; i++) {   // the forward tries one connection first
                    try (Socket s = service.accept()) {
                        s.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            answer.start();

            // WHEN it is forwarded and the source is read
            int local = reach.forward("127.0.0.1", service.getLocalPort());
            SourceText read = reach.source(source.toString());
            SourceText missing = reach.source(dir.resolve("none.py").toString());

            // THEN the forward reaches the service, the file comes back, and a missing one says how to name it
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), local);
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                         StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("hello");
            }
            answer.join(5000);
            assertThat(local).isNotEqualTo(service.getLocalPort());
            assertThat(read.text()).isEqualTo(Files.readString(source));
            assertThat(missing.text()).isNull();
            assertThat(missing.problem()).contains("could not be read on the instance").contains("give --source as"
                    + " the instance sees it");
            assertThat(reach.notes()).isEmpty();
        }
    }

    @Test
    void aHostKeyTrustedOnFirstUseIsNoted() throws Exception {
        try (Reach reach = Reach.open(settings(dir.resolve("empty_known_hosts"), true))) {
            assertThat(reach.notes()).singleElement().asString().contains("was new and was trusted and recorded")
                    .contains("--ssh-accept-new");
        }
    }
}
