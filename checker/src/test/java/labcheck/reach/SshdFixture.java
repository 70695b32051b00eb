package labcheck.reach;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SSH tests share: Debian's real sshd on loopback with generated host and user keys and
 * forwarding allowed, started once per class and stopped by its own PID; skipped where it is missing.
 */
public abstract class SshdFixture {

    protected static final String USER = System.getProperty("user.name");

    @TempDir
    protected static Path keys;

    protected static Sshd sshd;

    @TempDir
    protected Path dir;

    @BeforeAll
    static void startSshd() throws Exception {
        Assumptions.assumeTrue(Sshd.unavailable() == null, Sshd.unavailable());
        sshd = Sshd.start(keys, "127.0.0.1", null, "AllowTcpForwarding yes");
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
            sshd = null;
        }
    }
}
