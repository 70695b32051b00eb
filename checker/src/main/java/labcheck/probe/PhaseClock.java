package labcheck.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of the app probe, in the order the phases ran, so where a probe's time went
 * is read from its evidence ({@code app.phasesMs}) rather than guessed. A phase is the time since
 * the previous {@link #lap}; a name used twice adds up.
 *
 * <pre>{@code
 * PhaseClock clock = new PhaseClock();
 * connect();      clock.lap("connect");
 * lazyLoad();     clock.lap("lazyLoad");
 * Map<String, Long> ms = clock.ms();   // {connect=12, lazyLoad=340}
 * }</pre>
 */
final class PhaseClock {

    private final Map<String, Long> ms = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the phase {@code name} now; the next phase starts here. */
    void lap(String name) {
        long now = System.nanoTime();
        ms.merge(name, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    /** Every phase so far, milliseconds by name, in the order they first ran. */
    Map<String, Long> ms() {
        return new LinkedHashMap<>(ms);
    }
}
