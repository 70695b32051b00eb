package labcheck.cli;

import java.io.StringWriter;
import java.nio.file.Path;
import labapp.EmbeddedLab;
import labcheck.reach.Sshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SSH command tests share: the lab (embedded, on loopback) and Debian's real sshd in front
 * of it, with generated host and user keys, started once per class and stopped by their own PIDs.
 */
abstract class SshLabFixture {

    static final String USER = System.getProperty("user.name");

    @TempDir
    static Path keys;

    static EmbeddedLab lab;
    static Sshd sshd;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLabAndSshd() throws Exception {
        Assumptions.assumeTrue(Sshd.unavailable() == null, Sshd.unavailable());
        lab = EmbeddedLab.start();
        sshd = Sshd.start(keys, "127.0.0.1", null, "AllowTcpForwarding yes");
    }

    @AfterAll
    static void stopLabAndSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (lab != null) {
            lab.close();
        }
    }
}
