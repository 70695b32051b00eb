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
            int local = reach.forward("127.0.0.1", service.getLocalPort(), Duration.ofSeconds(10));
            SourceText read = reach.source(source.toString(), Duration.ofSeconds(10));
            SourceText missing = reach.source(dir.resolve("none.py").toString(), Duration.ofSeconds(10));

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
    void aSourceThatIsAFifoIsNotReadNotAnEmptyFile() throws Exception {
        // GIVEN a FIFO where the source should be: cat on it would wait for a writer forever
        Path fifo = dir.resolve("app_with_cache.py");
        Sshd.run("mkfifo", fifo.toString());
        try (Reach reach = Reach.open(settings(sshd.knownHosts(dir.resolve("kh")), false))) {
            long t0 = System.nanoTime();
            SourceText read = reach.source(fifo.toString(), Duration.ofSeconds(10));

            // THEN it is refused at once, as what it is, with the fix; never graded as an empty file
            assertThat(read.text()).isNull();
            assertThat(read.problem()).contains("is not a regular file").contains("FIFO")
                    .contains("Fix: give --source");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSourceReadThatNeverFinishesIsCouldNotBeReadWithinItsTime() throws Exception {
        // GIVEN an instance whose cat never ends (a student's own cat first on the PATH)
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("cat"), "#!/bin/sh\nexec sleep 30\n");
        bin.resolve("cat").toFile().setExecutable(true);
        Path source = dir.resolve("app_with_cache.py");
        Files.writeString(source, "v = redis_client.get(f'product:{id}')\n");
        try (Sshd slow = Sshd.start(keys, "127.0.0.1", null, "SetEnv PATH=" + bin + ":/usr/bin:/bin");
             Reach reach = Reach.open(SshSettings.of(slow.target(USER), slow.rsaKey(), null,
                     slow.knownHosts(dir.resolve("kh")), false, Map.of()))) {
            // WHEN the source is read with 2 s to do it
            SourceText read = reach.source(source.toString(), Duration.ofSeconds(2));

            // THEN it could not be read, and says in how long; no empty text stands for it
            assertThat(read.text()).isNull();
            assertThat(read.problem()).contains("could not be read on the instance within 2 s")
                    .contains("never finished");
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
