package labcheck.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Hands out students in roster order, skipping any whose app host:port is being measured for
 * another student right now: two load tests on one server would slow each other and both
 * timings would be wrong. Students on free hosts go ahead, so a shared host never idles a worker.
 */
final class HostQueue {

    private final List<RosterEntry> pending;
    private final Set<String> busy = new HashSet<>();

    HostQueue(List<RosterEntry> students) {
        this.pending = new ArrayList<>(students);
    }

    /** The next student whose hosts are all free, waiting while none is; null when none is left. */
    synchronized RosterEntry take() throws InterruptedException {
        while (!pending.isEmpty()) {
            for (Iterator<RosterEntry> it = pending.iterator(); it.hasNext(); ) {
                RosterEntry e = it.next();
                if (Collections.disjoint(e.measuredHosts(), busy)) {
                    it.remove();
                    busy.addAll(e.measuredHosts());
                    return e;
                }
            }
            wait();
        }
        return null;
    }

    /** Frees the student's hosts for the next student measuring them. */
    synchronized void release(RosterEntry e) {
        busy.removeAll(e.measuredHosts());
        notifyAll();
    }
}
