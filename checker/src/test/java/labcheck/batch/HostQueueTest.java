package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
