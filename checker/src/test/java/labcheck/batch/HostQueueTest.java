package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostQueueTest {

    private static RosterEntry student(String id, String app, String baseline) {
        return new RosterEntry(1, id, null, null, null, null, null, app, baseline, null, null, null, null, null);
    }

    @Test
    void aStudentWhoseHostIsBusyWaitsWhileStudentsOnOtherHostsGoAhead() throws Exception {
        RosterEntry a1 = student("a1", "http://10.0.0.1:5001", null);
        RosterEntry a2 = student("a2", "http://10.0.0.1:5001/", null);
        RosterEntry b1 = student("b1", "http://10.0.0.2:5001", null);
        HostQueue q = new HostQueue(List.of(a1, a2, b1));

        assertThat(q.take()).isEqualTo(a1);
        assertThat(q.take()).as("a2 shares a1's host, so b1 goes first").isEqualTo(b1);
        q.release(a1);
        assertThat(q.take()).isEqualTo(a2);
        q.release(a2);
        q.release(b1);
        assertThat(q.take()).isNull();
    }

    private static RosterEntry throughSsh(String id, String app, String sshHost, int sshPort) {
        return new RosterEntry(1, id, null, null, null, null, null, app, null, null, null, null, null, null,
                new RosterEntry.Ssh("ec2-user", sshHost, sshPort, "k.pem"));
    }

    @Test
    @Timeout(60) // a wrong key would make take() wait for ever
    void withSshEachInstanceIsItsOwnServerWhateverTheAppUrlCallsIt() throws Exception {
        // GIVEN four instances whose rows all write app_url=http://localhost:5001, as the docs suggest
        RosterEntry a = throughSsh("a", "http://localhost:5001", "3.80.1.1", 22);
        RosterEntry b = throughSsh("b", "http://localhost:5001", "3.80.1.2", 22);
        RosterEntry c = throughSsh("c", "http://localhost:5001", "3.80.1.2", 2222);
        RosterEntry d = throughSsh("d", "http://localhost:5001", "3.80.1.3", 22);
        HostQueue q = new HostQueue(List.of(a, b, c, d));

        // THEN all four are handed out at once, and none is keyed on localhost
        assertThat(List.of(q.take(), q.take(), q.take(), q.take())).containsExactly(a, b, c, d);
        assertThat(a.measuredHosts()).containsExactly("3.80.1.1:22", "3.80.1.1:5000", "3.80.1.1:5001");
        // AND an instance behind a forwarded port is that port alone: its address says nothing of its apps
        assertThat(c.measuredHosts()).containsExactly("3.80.1.2:2222");
    }

    @Test
    @Timeout(60)
    void withSshTwoRowsOnOneInstanceWaitForEachOtherAndForARowReachingItsAppsDirectly() throws Exception {
        RosterEntry a = throughSsh("a", "http://localhost:5001", "3.80.1.1", 22);
        RosterEntry b = throughSsh("b", "http://127.0.0.1:6001", "3.80.1.1", 22);
        RosterEntry direct = student("direct", "http://3.80.1.1:5001", null);
        RosterEntry other = throughSsh("other", "http://localhost:5001", "3.80.1.9", 22);
        HostQueue q = new HostQueue(List.of(a, b, direct, other));

        assertThat(q.take()).isEqualTo(a);
        assertThat(q.take()).as("b is on a's instance, direct measures a's app from outside").isEqualTo(other);
        q.release(a);
        assertThat(q.take()).isEqualTo(b);
        q.release(b);
        assertThat(q.take()).isEqualTo(direct);
    }

    @Test
    void theBaselineHostCountsAndDefaultPortsAreMadeExplicit() throws Exception {
        RosterEntry a = student("a", "http://app.example", "http://base.example:5000");
        RosterEntry b = student("b", "http://other.example:80", "http://BASE.example:5000");
        assertThat(a.measuredHosts()).containsExactly("app.example:80", "base.example:5000");
        HostQueue q = new HostQueue(List.of(a, b));
        assertThat(q.take()).isEqualTo(a);
        Thread taker = new Thread(() -> {
            try {
                assertThat(q.take()).isEqualTo(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        taker.join(300);
        assertThat(taker.isAlive()).as("b waits while a measures base.example:5000").isTrue();
        q.release(a);
        taker.join(5000);
        assertThat(taker.isAlive()).isFalse();
    }
}
