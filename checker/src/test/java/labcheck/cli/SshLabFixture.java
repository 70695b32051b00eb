package labcheck.cli;

import java.io.StringWriter;
import labapp.EmbeddedLab;
import labcheck.reach.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the SSH command tests share: the lab (embedded, on loopback) behind {@link SshdFixture}'s sshd,
 * started once per class and stopped after it.
 */
abstract class SshLabFixture extends SshdFixture {

    static EmbeddedLab lab;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }
}
