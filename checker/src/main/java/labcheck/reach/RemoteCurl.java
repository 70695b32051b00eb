package labcheck.reach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import labcheck.probe.RemoteTimer;

/**
 * The timing comparison run on the instance, as the lab's own {@code performance_test.sh}
 * does: one {@code sh} loop of {@code curl -w} per batch, over one SSH exec; each request's
 * {@code time_total} and body are parsed back, a claim the probe holds against its own clock.
 * Nothing is installed: where the instance has no curl, {@link #get} says so and the probe times
 * through the tunnel instead.
 */
final class RemoteCurl implements RemoteTimer {

    /** Output kept from one batch at most (bodies are a few hundred bytes each). */
    static final int MAX_OUTPUT = 8 << 20;

    /** Requests per curl: ten pairs. */
    static final int CHUNK = 20;

    private final SshLink link;
    private final String appBase;
    private final String baselineBase;

    RemoteCurl(SshLink link, String appBase, String baselineBase) {
        this.link = link;
        this.appBase = appBase;
        this.baselineBase = baselineBase;
    }

    @Override
    public String where() {
        return "on the instance " + link.target().host() + " (curl over SSH)";
    }

    /** curl's {@code -m} takes whole seconds, at least one. */
    @Override
    public Duration perRequestBound(Duration requestTimeout) {
        return Duration.ofSeconds(Math.max(1, requestTimeout.toSeconds()));
    }

    @Override
    public List<Timed> get(List<Leg> legs, Duration requestTimeout, Duration budget) throws Unusable {
        if (legs.isEmpty()) {
            return List.of();
        }
        String mark = "@@labcheck-" + UUID.randomUUID().toString().replace("-", "");
        long perRequest = perRequestBound(requestTimeout).toSeconds();
        Duration bound = budget.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : budget;
        SshLink.Exec r;
        try {
            r = link.exec(script(legs, mark, perRequest, bound), bound.plusSeconds(2), MAX_OUTPUT);
        } catch (ReachException e) {
            throw new Unusable(e.getMessage());
        }
        String out = r.outText();
        if (out.startsWith(mark + " nocurl")) {
            throw new Unusable("the instance has no curl (command -v curl found none), so the requests could not"
                    + " be timed there; on Amazon Linux 2023 curl is installed by default (dnf install curl-minimal).");
        }
        List<Timed> timed = parse(out, mark);
        if (timed.isEmpty() && !r.finished()) {
            throw new Unusable("the timing loop on the instance gave no answer within " + bound.toSeconds() + " s.");
        }
        if (timed.isEmpty() && r.exitStatus() != null && r.exitStatus() != 0) {
            throw new Unusable("the timing loop on the instance failed (exit " + r.exitStatus() + ": "
                    + r.err().lines().findFirst().orElse("no message").strip() + ").");
        }
        return timed.size() > legs.size() ? timed.subList(0, legs.size()) : timed;
    }

    /**
     * A POSIX sh loop over chunks of {@link #CHUNK} requests, one {@code curl} per chunk: a curl
     * started per request costs more than the request (about 30 ms on a busy instance against a
     * few), and one curl reuses its connections to both apps alike. The URLs are the instance's own
     * view, quoted; the deadline is the instance's clock, checked before each chunk (the exec's own
     * bound, on labcheck's side, stops the rest).
     */
    private String script(List<Leg> legs, String mark, long perRequest, Duration bound) {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < legs.size(); i++) {
            chunks.append(i % CHUNK == 0 ? (i == 0 ? "'" : "' '") : " ");
            chunks.append(legs.get(i).baseline() ? 'b' : 'a').append(legs.get(i).path());
        }
        chunks.append("'");
        return "LC_ALL=C; export LC_ALL; "
                + "command -v curl >/dev/null 2>&1 || { echo '" + mark + " nocurl'; exit 0; }; "
                + "A=" + quote(appBase) + "; B=" + quote(baselineBase == null ? appBase : baselineBase) + "; "
                + "end=$(( $(date +%s) + " + Math.max(1, bound.toSeconds()) + " )); "
                + "for c in " + chunks + "; do "
                + "[ \"$(date +%s)\" -ge \"$end\" ] && break; "
                + "set --; for x in $c; do case $x in a*) set -- \"$@\" \"$A${x#a}\";;"
                + " *) set -- \"$@\" \"$B${x#b}\";; esac; done; "
                + "curl -s -m " + perRequest + " --connect-timeout " + perRequest
                + " -H 'Accept: application/json' -w '\\n" + mark
                + " %{http_code} %{time_total} %{exitcode} %{content_type}\\n' \"$@\"; "
                + "done";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Each request's body up to its mark line, then the mark line: status, time_total, curl's exit
     * code for that transfer ({@code %{exitcode}}, curl 7.75 and later; empty before, when a status
     * of 000 is the only sign of a failure) and the content type; repeated.
     */
    static List<Timed> parse(String out, String mark) {
        List<Timed> timed = new ArrayList<>();
        int pos = 0;
        String head = "\n" + mark + " ";
        while (true) {
            int m = out.indexOf(head, pos);
            if (m < 0) {
                break;
            }
            String body = out.substring(pos, m);
            int lineEnd = out.indexOf('\n', m + 1);
            if (lineEnd < 0) {
                break;
            }
            String[] f = out.substring(m + head.length(), lineEnd).split(" ", 4);
            int status = parseInt(f[0]);
            double ms = f.length > 1 ? parseDouble(f[1]) * 1000 : Double.NaN;
            Integer rc = f.length > 2 && f[2].matches("\\d+") ? Integer.valueOf(f[2]) : null;
            String type = f.length > 3 && !f[3].isBlank() ? f[3].strip() : null;
            if (rc == null) {
                rc = status == 0 ? -1 : 0;   // a curl too old to say: no status means no answer
            }
            if (rc == 0) {
                timed.add(new Timed(status, type, body, ms, null, false, false));
            } else {
                timed.add(new Timed(0, null, null, ms, failure(rc), rc == 7 || rc == 6, rc == 28));
            }
            pos = lineEnd + 1;
        }
        return timed;
    }

    private static String failure(int rc) {
        return switch (rc) {
            case 7 -> "curl on the instance could not connect (refused; is the app running there?)";
            case 28 -> "curl on the instance gave up: no complete answer in time";
            case 52 -> "curl on the instance got an empty reply";
            case 56 -> "curl on the instance saw the connection reset";
            case -1 -> "curl on the instance got no answer (this curl does not say why)";
            default -> "curl on the instance failed with exit code " + rc;
        };
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** curl's time_total in seconds; NaN when it is no number (the probe then counts it as impossible). */
    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim().replace(',', '.').toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
