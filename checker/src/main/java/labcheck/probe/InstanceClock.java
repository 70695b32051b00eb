package labcheck.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import labcheck.evidence.app.TimingCorroboration;

/**
 * What labcheck's own clock says about the times a remote timer reported, batch by batch: each
 * time must be finite and within 0 and the loop's per-request bound (the remote {@code curl -m}),
 * and a batch's times must sum to no more than the wall time labcheck measured for the command
 * that took them. A time outside those bounds is not a measurement, whoever reported it.
 */
final class InstanceClock {

    /** Examples of impossible times kept for the judge. */
    private static final int EXAMPLES = 3;

    private int values;
    private int outOfRange;
    private final List<String> examples = new ArrayList<>();
    private double boundMs;
    private double claimedMs;
    private double wallMs;
    private int batchesOverWall;

    /** Whether {@code ms} is a time a request bounded by {@code boundMs} can have taken (timer granularity allowed). */
    static boolean possible(double ms, double boundMs) {
        return Double.isFinite(ms) && ms >= 0 && ms <= boundMs * 1.1 + 50;
    }

    /** One command's answers, the wall time labcheck measured around it, and the per-request bound it ran with. */
    void batch(List<RemoteTimer.Timed> timed, double commandWallMs, double perRequestBoundMs) {
        boundMs = perRequestBoundMs;
        double sum = 0;
        for (RemoteTimer.Timed t : timed) {
            values++;
            if (!possible(t.millis(), perRequestBoundMs)) {
                outOfRange++;
                if (examples.size() < EXAMPLES) {
                    examples.add(String.format(Locale.ROOT, "%s ms", t.millis()));
                }
            }
            if (Double.isFinite(t.millis()) && t.millis() > 0) {
                sum += t.millis();
            }
        }
        claimedMs += sum;
        wallMs += commandWallMs;
        if (sum > commandWallMs) {
            batchesOverWall++;
        }
    }

    /** Whether any batch was timed remotely. */
    boolean used() {
        return values > 0;
    }

    /** The record, with the tunnel sample's figures (or why it is missing). */
    TimingCorroboration with(double instanceSavingMs, int tunnelPairs, PairedSaving tunnel, String problem) {
        return new TimingCorroboration(values, outOfRange, examples, boundMs, Latencies.round(claimedMs),
                Latencies.round(wallMs), batchesOverWall, Latencies.round(instanceSavingMs), tunnelPairs,
                Latencies.round(tunnel.median()), Latencies.round(tunnel.low()), Latencies.round(tunnel.high()),
                problem);
    }
}
