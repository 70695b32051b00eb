package labcheck.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends the timing comparison's back-to-back pairs, from this host or through a
 * {@link RemoteTimer} on the app's instance. Pair {@code i} goes cache app first when {@code i}
 * is even and no-cache app first when odd, so neither always runs right after the other's work.
 * When the remote timer turns out unusable, the pairs are sent from here and
 * {@link #where()} says why.
 */
final class PairClient {

    private final ProbeSettings s;
    private final HttpProbe app;
    private final HttpProbe base;
    private final List<String> notes;
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
        List<RemoteTimer.Timed> got = remote.get(legs, s.limits().requestTimeout(), d.remaining());
        List<HttpResult[]> out = new ArrayList<>();
        for (int k = 0; k + 1 < got.size(); k += 2) {
            int i = from + k / 2;
            HttpResult first = result(got.get(k));
            HttpResult second = result(got.get(k + 1));
            out.add(i % 2 == 0 ? new HttpResult[] {first, second} : new HttpResult[] {second, first});
        }
        return out;
    }

    private HttpResult result(RemoteTimer.Timed t) {
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
