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
 * {@code time_total} and body are parsed back. Nothing is installed: where the instance has no
 * curl, {@link #get} says so and the probe times through the tunnel instead.
 */
final class RemoteCurl implements RemoteTimer {

    /** Output kept from one batch at most (bodies are a few hundred bytes each). */
    static final int MAX_OUTPUT = 8 << 20;

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

    /** A POSIX sh loop; the URLs are the instance's own view, quoted; the deadline is the instance's clock. */
    private String script(List<Leg> legs, String mark, long perRequest, Duration bound) {
        StringBuilder list = new StringBuilder();
        for (Leg l : legs) {
            list.append(l.baseline() ? 'b' : 'a').append(l.path()).append(' ');
        }
        return "LC_ALL=C; export LC_ALL; "
                + "command -v curl >/dev/null 2>&1 || { echo '" + mark + " nocurl'; exit 0; }; "
                + "A=" + quote(appBase) + "; B=" + quote(baselineBase == null ? appBase : baselineBase) + "; "
                + "end=$(( $(date +%s) + " + Math.max(1, bound.toSeconds()) + " )); "
                + "for x in " + list + "; do "
                + "[ \"$(date +%s)\" -ge \"$end\" ] && break; "
                + "case $x in a*) u=\"$A${x#a}\";; *) u=\"$B${x#b}\";; esac; "
                + "curl -s -m " + perRequest + " --connect-timeout " + perRequest
                + " -H 'Accept: application/json' -w '\\n" + mark + " %{http_code} %{time_total} %{content_type}\\n'"
                + " \"$u\"; echo \"" + mark + "rc $?\"; "
                + "done";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Body lines up to the mark line, then the mark line, then the exit-code line; repeated. */
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
            String[] f = out.substring(m + head.length(), lineEnd).trim().split(" ", 3);
            int rcStart = lineEnd + 1;
            int rcEnd = out.indexOf('\n', rcStart);
            if (rcEnd < 0 || !out.startsWith(mark + "rc ", rcStart)) {
                break;
            }
            int rc = parseInt(out.substring(rcStart + mark.length() + 3, rcEnd).trim());
            int status = parseInt(f[0]);
            double ms = f.length > 1 ? parseDouble(f[1]) * 1000 : Double.NaN;
            String type = f.length > 2 && !f[2].isBlank() ? f[2] : null;
            if (rc == 0) {
                timed.add(new Timed(status, type, body, ms, null, false, false));
            } else {
                timed.add(new Timed(0, null, null, ms, failure(rc), rc == 7 || rc == 6, rc == 28));
            }
            pos = rcEnd + 1;
        }
        return timed;
    }

    private static String failure(int rc) {
        return switch (rc) {
            case 7 -> "curl on the instance could not connect (refused; is the app running there?)";
            case 28 -> "curl on the instance gave up: no complete answer in time";
            case 52 -> "curl on the instance got an empty reply";
            case 56 -> "curl on the instance saw the connection reset";
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
