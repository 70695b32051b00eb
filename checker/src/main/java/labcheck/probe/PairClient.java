package labcheck.probe;

import java.util.ArrayList;
import java.util.List;
import labcheck.evidence.app.TimingCorroboration;

/**
 * Sends the timing comparison's back-to-back pairs, from this host or through a
 * {@link RemoteTimer} on the app's instance. Pair {@code i} goes cache app first when {@code i}
 * is even and no-cache app first when odd, so neither always runs right after the other's work.
 * When the remote timer turns out unusable, the pairs are sent from here and
 * {@link #where()} says why. What the remote timer reports is a claim: every batch is held
 * against labcheck's clock ({@link InstanceClock}), and {@link #corroborate} times a sample of
 * the same pairs through the tunnel itself.
 */
final class PairClient {

    /** Tunnel pairs sent first, then more in steps while they neither confirm nor refute the instance. */
    private static final int TUNNEL_FIRST = 30;
    private static final int TUNNEL_STEP = 20;
    /** ImprovementChecks' tolerance for the tunnel's sample, mirrored so sampling stops only once it is decided. */
    private static final double TUNNEL_SLACK_MS = 0.25;

    private final ProbeSettings s;
    private final HttpProbe app;
    private final HttpProbe base;
    private final List<String> notes;
    private final InstanceClock clock = new InstanceClock();
    private RemoteTimer remote;
    private String where;

    PairClient(ProbeSettings s, HttpProbe app, HttpProbe base, List<String> notes) {
        this.s = s;
        this.app = app;
        this.base = base;
        this.notes = notes;
        this.remote = s.apps().timer();
        this.where = remote == null ? null : remote.where();
    }

    /** Where the client timings were taken (null: this host, directly). */
    String where() {
        return where;
    }

    /** Pairs {@code from} to {@code to} (exclusive) as {cache app, no-cache app}; fewer when cut short. */
    List<HttpResult[]> pairs(List<Integer> ids, int from, int to, Deadline d) {
        if (remote != null) {
            try {
                return remotely(ids, from, to, d);
            } catch (RemoteTimer.Unusable e) {
                where = "this host, through the tunnel: " + e.getMessage();
                notes.add("The timing comparison was measured from labcheck's host through the tunnel, not on the "
                        + "instance: " + e.getMessage());
                remote = null;
            }
        }
        List<HttpResult[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (d.expired() || app.givenUp() || base.givenUp()) {
                break;
            }
            String path = "/product/" + ids.get(i % ids.size());
            HttpResult a;
            HttpResult b;
            if (i % 2 == 0) {
                a = app.get(path, d);
                b = base.get(path, d);
            } else {
                b = base.get(path, d);
                a = app.get(path, d);
            }
            out.add(new HttpResult[] {a, b});
        }
        return out;
    }

    private List<HttpResult[]> remotely(List<Integer> ids, int from, int to, Deadline d)
            throws RemoteTimer.Unusable {
        List<RemoteTimer.Leg> legs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String path = "/product/" + ids.get(i % ids.size());
            RemoteTimer.Leg a = new RemoteTimer.Leg(false, path);
            RemoteTimer.Leg b = new RemoteTimer.Leg(true, path);
            legs.add(i % 2 == 0 ? a : b);
            legs.add(i % 2 == 0 ? b : a);
        }
        long t0 = System.nanoTime();
        List<RemoteTimer.Timed> got = remote.get(legs, s.limits().requestTimeout(), d.remaining());
        double bound = remote.perRequestBound(s.limits().requestTimeout()).toNanos() / 1e6;
        clock.batch(got, (System.nanoTime() - t0) / 1e6, bound);
        List<HttpResult[]> out = new ArrayList<>();
        for (int k = 0; k + 1 < got.size(); k += 2) {
            int i = from + k / 2;
            HttpResult first = result(got.get(k), bound);
            HttpResult second = result(got.get(k + 1), bound);
            out.add(i % 2 == 0 ? new HttpResult[] {first, second} : new HttpResult[] {second, first});
        }
        return out;
    }

    /**
     * Whether the pairs are being timed on the instance (the remote timer is in use). Then
     * {@link #corroborate} is due.
     */
    boolean remote() {
        return remote != null && clock.used();
    }

    /**
     * The instance's timings held against labcheck's own clock: the batches' bounds, and a sample
     * of the same back-to-back pairs (same ids, same alternation, starting at pair {@code from})
     * sent through the tunnel and timed here, up to {@code most} pairs while the deadline lasts.
     * The tunnel adds about the same round trip to both requests of a pair, so a real saving shows
     * in their difference; sampling stops once the tunnel confirms a saving ({@code low > 0}) or
     * rules out half the instance's ({@code high < instanceSavingMs / 2 - 0.25 ms}).
     *
     * @param seen receives each cache-app answer with its id, as the comparison's own are counted (they
     *             fall in the window whose hit ratio is graded)
     * @return null when the pairs were not timed on the instance
     */
    TimingCorroboration corroborate(List<Integer> ids, int from, double instanceSavingMs, int most, Deadline d,
                                    java.util.function.ObjIntConsumer<HttpResult> seen) {
        if (!remote()) {
            return null;
        }
        List<double[]> diffs = new ArrayList<>();
        int i = 0;
        while (i < most && !d.expired() && !app.givenUp() && !base.givenUp()) {
            int end = Math.min(most, i < TUNNEL_FIRST ? TUNNEL_FIRST : i + TUNNEL_STEP);
            for (; i < end && !d.expired(); i++) {
                int id = ids.get((from + i) % ids.size());
                String path = "/product/" + id;
                HttpResult a;
                HttpResult b;
                if ((from + i) % 2 == 0) {
                    a = app.get(path, d);
                    b = base.get(path, d);
                } else {
                    b = base.get(path, d);
                    a = app.get(path, d);
                }
                seen.accept(a, id);
                if (product(id, a) && product(id, b)) {
                    diffs.add(new double[] {0, b.millis() - a.millis()});
                }
            }
            PairedSaving t = PairedSaving.of(diffs);
            // decided as ImprovementChecks decides: confirmed, or ruled out (below half the claim, less slack)
            if (i >= TUNNEL_FIRST && (t.low() > 0 || t.high() < instanceSavingMs / 2 - TUNNEL_SLACK_MS
                    || instanceSavingMs <= 0)) {
                break;
            }
        }
        String problem = diffs.size() >= 5 ? null : "only " + diffs.size() + " pairs through the tunnel gave a product"
                + " from both apps" + (d.expired() ? " before the time budget ran out" : "");
        return clock.with(instanceSavingMs, diffs.size(), PairedSaving.of(diffs), problem);
    }

    private static boolean product(int id, HttpResult r) {
        return r.answered() && r.status() == 200 && ProductReader.read(id, r).product() != null;
    }

    private HttpResult result(RemoteTimer.Timed t, double boundMs) {
        if (!InstanceClock.possible(t.millis(), boundMs)) {
            return HttpResult.failed("the instance reported a time of " + t.millis() + " ms, which no request bounded"
                    + " by " + Math.round(boundMs) + " ms can take", 0, false);
        }
        long nanos = Math.round(t.millis() * 1_000_000);
        if (t.failure() != null) {
            return t.refused() ? HttpResult.unreachable(t.failure(), nanos) : HttpResult.failed(t.failure(), nanos,
                    t.timedOut());
        }
        // capped in bytes, as HttpProbe's own answers are (a char index would overrun a multi-byte body)
        byte[] body = t.body() == null ? new byte[0] : t.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean truncated = body.length > s.limits().maxBodyBytes();
        return HttpResult.answered(t.status(), t.contentType(), new CappedBody.Bytes(
                truncated ? java.util.Arrays.copyOf(body, s.limits().maxBodyBytes()) : body, truncated), nanos);
    }
}
