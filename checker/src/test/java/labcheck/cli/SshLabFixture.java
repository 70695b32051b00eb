package labcheck.cli;

import java.io.StringWriter;
import labapp.EmbeddedLab;
import labcheck.reach.SshdFixture;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the SSH command tests share: the lab (embedded, on loopback) behind {@link SshdFixture}'s sshd.
 * One lab serves every such class of the test JVM (starting one costs seconds, and each test leaves the
 * products as it found them); it is stopped, by its servers' own PIDs, when the JVM exits.
 */
abstract class SshLabFixture extends SshdFixture {

    static EmbeddedLab lab;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() {
        lab = Shared.LAB;
    }

    /** The JVM's one lab, started on first use. */
    private static final class Shared {
        static final EmbeddedLab LAB = EmbeddedLab.start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(LAB::close, "ssh-lab-stop"));
        }
    }
}
