package labcheck.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import labcheck.collect.FreePort;
import org.junit.jupiter.api.Test;

/** The SSH transport against Debian's real sshd on loopback: keys, host keys, forwards, exec, and their faults. */
class SshLinkTest extends SshdFixture {

    private SshSettings settings(Path key, Path knownHosts, boolean acceptNew) {
        return SshSettings.of(sshd.target(USER), key, null, knownHosts, acceptNew, Map.of())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void aPemRsaKeyForwardsToAServiceTheServerSeesAndRunsACommand() throws Exception {
        // GIVEN a one-line service on this machine's loopback, as the instance would see its app
        try (ServerSocket service = new ServerSocket(FreePort.find(), 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> answerEach(service, "hello from the instance\n"));
            t.setDaemon(true);
            t.start();
            try (SshLink link = SshLink.open(settings(sshd.rsaKey(), sshd.knownHosts(dir.resolve("kh")), false))) {
                // WHEN it is forwarded and a command is run
                int local = link.forward("127.0.0.1", service.getLocalPort(), Duration.ofSeconds(10));
                String got;
                try (Socket s = new Socket("127.0.0.1", local)) {
                    s.setSoTimeout(10_000);
                    got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                SshLink.Exec r = link.exec("echo ran-here", Duration.ofSeconds(10), 1024);

                // THEN the forward reaches it and the command's output and status come back
                assertThat(got).isEqualTo("hello from the instance\n");
                assertThat(r.exitStatus()).isZero();
                assertThat(r.outText()).isEqualTo("ran-here\n");
                assertThat(link.isOpen()).isTrue();
            }
        }
    }

    @Test
    void anEd25519OpenSshKeyLogsIn() throws Exception {
        try (SshLink link = SshLink.open(settings(sshd.ed25519Key(), sshd.knownHosts(dir.resolve("kh")), false))) {
            assertThat(link.exec("true", Duration.ofSeconds(10), 16).exitStatus()).isZero();
        }
    }

    @Test
    void anEncryptedKeyNeedsItsPassphraseVariableAndOpensWithIt() throws Exception {
        Path key = dir.resolve("enc_ed25519");
        Sshd.run(Sshd.KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "s3cret-phrase", "-f", key.toString());
        Files.writeString(keys.resolve("authorized_keys"), Files.readString(key.resolveSibling("enc_ed25519.pub")),
                java.nio.file.StandardOpenOption.APPEND);

        // WHEN no variable is given THEN the flag to add is named
        assertThatThrownBy(() -> SshSettings.of(sshd.target(USER), key, null, null, false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is encrypted").hasMessageContaining("--ssh-key-passphrase-env");
        // AND a variable that is not set is named
        assertThatThrownBy(() -> SshSettings.of(sshd.target(USER), key, "KEY_PASS", null, false, Map.of()))
                .hasMessageContaining("KEY_PASS is not set");
        // AND a wrong passphrase says so, without the passphrase
        assertThatThrownBy(() -> SshSettings.of(sshd.target(USER), key, "KEY_PASS", null, false,
                Map.of("KEY_PASS", "not-it"))).hasMessageContaining("could not be decrypted")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-it"));
        // AND with it, the key logs in
        SshSettings s = SshSettings.of(sshd.target(USER), key, "KEY_PASS", sshd.knownHosts(dir.resolve("kh")), false,
                Map.of("KEY_PASS", "s3cret-phrase"));
        try (SshLink link = SshLink.open(s)) {
            assertThat(link.isOpen()).isTrue();
        }
        assertThat(s.toString()).doesNotContain("s3cret-phrase");
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintUnlessAcceptNewWhichRecordsIt() throws Exception {
        Path kh = dir.resolve("ssh").resolve("known_hosts");
        // WHEN the host is unknown
        assertThatThrownBy(() -> SshLink.open(settings(sshd.rsaKey(), kh, false)))
                .isInstanceOf(ReachException.class)
                .hasMessageContaining("is not in " + kh).hasMessageContaining("SHA256:")
                .hasMessageContaining("--ssh-accept-new");
        assertThat(kh).doesNotExist();

        // WHEN accept-new is given THEN it logs in and writes the key
        try (SshLink link = SshLink.open(settings(sshd.rsaKey(), kh, true))) {
            assertThat(link.hostKeyAdded()).isTrue();
        }
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + sshd.port()).contains("ssh-ed25519");

        // AND the next run trusts it without the flag
        try (SshLink link = SshLink.open(settings(sshd.rsaKey(), kh, false))) {
            assertThat(link.hostKeyAdded()).isFalse();
        }
    }

    @Test
    void aChangedHostKeyIsAlwaysRefused() throws Exception {
        // GIVEN a known-hosts file that holds another key for this host
        Path other = dir.resolve("other_host");
        Sshd.run(Sshd.KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        Path kh = dir.resolve("kh");
        String otherKey = Files.readString(other.resolveSibling("other_host.pub")).trim().replaceFirst("\\s+\\S+$", "");
        Files.writeString(kh, "[127.0.0.1]:" + sshd.port() + " " + otherKey + "\n");

        // THEN it is refused, even with accept-new, and the file is unchanged
        assertThatThrownBy(() -> SshLink.open(settings(sshd.rsaKey(), kh, true)))
                .isInstanceOf(ReachException.class).hasMessageContaining("has CHANGED")
                .hasMessageContaining("ssh-keygen -R");
        assertThat(Files.readString(kh)).isEqualTo("[127.0.0.1]:" + sshd.port() + " " + otherKey + "\n");
    }

    @Test
    void aKnownHostsFileHoldingOnlyTheRsaKeyConnectsAsSshDoesBecauseThatTypeIsAskedForFirst() throws Exception {
        // GIVEN an instance with ed25519 and RSA host keys, and a known-hosts file holding only its RSA key
        Path kh = sshd.knownHosts(dir.resolve("kh"), "rsa");
        String before = Files.readString(kh);

        // WHEN labcheck connects THEN the RSA key is the one shown and verified: no "changed key", nothing written
        try (SshLink link = SshLink.open(settings(sshd.rsaKey(), kh, false))) {
            assertThat(link.exec("true", Duration.ofSeconds(10), 16).exitStatus()).isZero();
            assertThat(link.hostKeyAdded()).isFalse();
        }
        assertThat(Files.readString(kh)).isEqualTo(before);
    }

    @Test
    void aKnownHostOfferingOnlyAKeyOfAnotherTypeIsANewKeyNotAManInTheMiddle() throws Exception {
        // GIVEN a known-hosts file holding the instance's RSA key, and an sshd that offers only its ed25519 key
        try (Sshd edOnly = Sshd.start(keys, "127.0.0.1", null, "HostKeyAlgorithms ssh-ed25519")) {
            Path kh = edOnly.knownHosts(dir.resolve("kh"), "rsa");
            String rsaLine = Files.readString(kh);
            SshSettings strict = SshSettings.of(edOnly.target(USER), edOnly.rsaKey(), null, kh, false, Map.of());

            // WHEN labcheck connects THEN the key is refused as new, with its fingerprint, never as changed
            assertThatThrownBy(() -> SshLink.open(strict)).isInstanceOf(ReachException.class)
                    .hasMessageContaining("is not in " + kh).hasMessageContaining("holds a key of another type")
                    .hasMessageContaining("ssh-rsa").hasMessageContaining("SHA256:")
                    .hasMessageContaining("--ssh-accept-new")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CHANGED").doesNotContain("middle")
                            .doesNotContain("ssh-keygen -R"));
            assertThat(Files.readString(kh)).isEqualTo(rsaLine);

            // AND with --ssh-accept-new it connects and records the ed25519 key beside the RSA one, which stays
            try (SshLink link = SshLink.open(SshSettings.of(edOnly.target(USER), edOnly.rsaKey(), null, kh, true,
                    Map.of()))) {
                assertThat(link.hostKeyAdded()).isTrue();
            }
            assertThat(Files.readString(kh)).startsWith(rsaLine.trim()).contains("ssh-ed25519");
            try (SshLink again = SshLink.open(strict)) {
                assertThat(again.hostKeyAdded()).isFalse();
            }
        }
    }

    @Test
    void aChangedKeyOfTheKnownTypeIsStillRefusedAsChanged() throws Exception {
        // GIVEN a known-hosts file holding another RSA key for this host
        Path other = dir.resolve("other_rsa");
        Sshd.run(Sshd.KEYGEN.toString(), "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", other.toString());
        Path kh = dir.resolve("kh");
        String otherKey = Files.readString(other.resolveSibling("other_rsa.pub")).trim().replaceFirst("\\s+\\S+$", "");
        Files.writeString(kh, "[127.0.0.1]:" + sshd.port() + " " + otherKey + "\n");

        // THEN the server, asked for RSA first, shows its RSA key, which is refused as changed
        assertThatThrownBy(() -> SshLink.open(settings(sshd.rsaKey(), kh, true)))
                .isInstanceOf(ReachException.class).hasMessageContaining("has CHANGED")
                .hasMessageContaining("the server offered ssh-rsa key SHA256:").hasMessageContaining("ssh-keygen -R");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedNamingTheKeyFlag() throws Exception {
        Path stranger = dir.resolve("stranger");
        Sshd.run(Sshd.KEYGEN.toString(), "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f",
                stranger.toString());
        assertThatThrownBy(() -> SshLink.open(settings(stranger, sshd.knownHosts(dir.resolve("kh")), false)))
                .isInstanceOf(ReachException.class).hasMessageContaining("refused the key " + stranger)
                .hasMessageContaining("--ssh-key").hasMessageContaining("ec2-user");
    }

    @Test
    void aPortWithNoSshdIsRefusedQuicklyNamingTheSecurityGroup() throws Exception {
        SshSettings s = SshSettings.of(USER + "@127.0.0.1:" + FreePort.find(), sshd.rsaKey(), null,
                dir.resolve("kh"), false, Map.of()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SshLink.open(s)).isInstanceOf(ReachException.class)
                .hasMessageContaining("refused the connection").hasMessageContaining("security group");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatNeverSpeaksSshCostsOnlyTheBoundedTimeouts() throws Exception {
        // GIVEN something that accepts connections but never sends an SSH banner
        try (ServerSocket silent = new ServerSocket(FreePort.find(), 5, InetAddress.getLoopbackAddress())) {
            SshSettings s = SshSettings.of(USER + "@127.0.0.1:" + silent.getLocalPort(), sshd.rsaKey(), null,
                    dir.resolve("kh"), false, Map.of()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> SshLink.open(s)).isInstanceOf(ReachException.class)
                    .hasMessageContaining("within 2 s").hasMessageContaining("--ssh");
            // bounded by the two 2 s timeouts, with room for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aForwardToATargetThatRefusesIsReportedWhenItIsOpened() throws Exception {
        try (SshLink link = SshLink.open(settings(sshd.rsaKey(), sshd.knownHosts(dir.resolve("kh")), false))) {
            int closed = FreePort.find();
            assertThatThrownBy(() -> link.forward("127.0.0.1", closed, Duration.ofSeconds(10)))
                    .isInstanceOf(ReachException.class)
                    .hasMessageContaining("could not connect to 127.0.0.1:" + closed)
                    .hasMessageContaining("service runs there");
            assertThat(link.isOpen()).isTrue();
        }
    }

    @Test
    void forwardingRefusedBySshdIsNamedAsAllowTcpForwarding() throws Exception {
        try (Sshd strict = Sshd.start(keys, "127.0.0.1", null, "AllowTcpForwarding no");
             SshLink link = SshLink.open(SshSettings.of(strict.target(USER), strict.rsaKey(), null,
                     strict.knownHosts(dir.resolve("kh2")), false, Map.of()))) {
            assertThatThrownBy(() -> link.forward("127.0.0.1", sshd.port(), Duration.ofSeconds(10)))
                    .isInstanceOf(ReachException.class)
                    .hasMessageContaining("AllowTcpForwarding");
            // AND commands still run, so the timing and the source still can
            assertThat(link.exec("echo ok", Duration.ofSeconds(10), 64).outText()).isEqualTo("ok\n");
        }
    }

    @Test
    void badTargetsAndKeyFilesAreUsageErrorsNamingTheFlag() {
        assertThatThrownBy(() -> SshTarget.parse("3.80.1.2")).hasMessageContaining("USER@HOST[:PORT]");
        assertThatThrownBy(() -> SshTarget.parse("ec2-user@host:99999")).hasMessageContaining("no valid port");
        assertThat(SshTarget.parse("ec2-user@3.80.1.2")).isEqualTo(new SshTarget("ec2-user", "3.80.1.2", 22));
        assertThatThrownBy(() -> SshSettings.of("a@b", dir.resolve("missing.pem"), null, null, false, Map.of()))
                .hasMessageContaining("--ssh-key").hasMessageContaining("is not a file");
        assertThatThrownBy(() -> SshSettings.of("a@b", null, null, null, false, Map.of()))
                .hasMessageContaining("--ssh-key FILE");
    }

    @Test
    void aPublicKeyGivenAsTheKeyIsRefusedWithoutEchoingIt() throws Exception {
        Path pub = keys.resolve("user_rsa.pem.pub");
        String text = Files.readString(pub);
        assertThatThrownBy(() -> SshSettings.of("a@b", pub, null, null, false, Map.of()))
                .hasMessageContaining("--ssh-key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text.split(" ")[1].substring(0, 20)));
    }

    /** Answers every connection with one line, until the socket closes (the forward tries one first). */
    private static void answerEach(ServerSocket server, String line) {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (Exception ignored) {
                // closed, or the trial connection went away first: the test reads what it got
            }
        }
    }
}
