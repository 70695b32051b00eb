package labcheck.checks.cluster;

import labcheck.reach.SshSettings;

/**
 * Not a check: {@code ArchitectureTest}'s proof that the package table bites. A class in a check
 * area that reaches for the SSH transport, which a check must never do (it reads evidence only).
 */
public final class ReachingCheckFixture {

    private ReachingCheckFixture() {
    }

    static String through(SshSettings ssh) {
        return String.valueOf(ssh);
    }
}
