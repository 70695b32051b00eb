package labcheck.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import labcheck.evidence.SafeUrl;

/**
 * What {@code labcheck doctor} asks before any grading: is each app listening and does {@code /health}
 * answer, does Redis accept a connection (its name resolving, TLS and AUTH as the probe does them), does
 * the database accept the login. Each question is short and they run in parallel, so the whole is
 * bounded; nothing is measured into evidence and nothing is written.
 *
 * <pre>{@code
 * for (Prerequisites.Line line : Prerequisites.check(settings, Duration.ofSeconds(3))) {
 *     System.out.println(line);   // "OK   localhost:5001 is listening." / "FAIL localhost:5001 is not listening. Fix: ..."
 * }
 * }</pre>
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** One prerequisite: what was asked, and the fix when it does not hold (null when it holds). */
    public record Line(boolean ok, String said, String fix) {

        @Override
        public String toString() {
            return (ok ? "OK    " : "FAIL  ") + said + (fix == null ? "" : " Fix: " + fix);
        }
    }

    /** Every prerequisite {@code s} names, each within {@code each}, in a fixed order. */
    public static List<Line> check(ProbeSettings s, Duration each) {
        List<Supplier<List<Line>>> asks = new ArrayList<>();
        asks.add(() -> app(s.apps().app(), "cache app", each, true));
        if (s.apps().baseline() != null) {
            asks.add(() -> app(s.apps().baseline(), "no-cache app", each, false));
        }
        if (s.redis().given()) {
            asks.add(() -> List.of(redis(s.redis(), each)));
        }
        if (s.db().given()) {
            asks.add(() -> List.of(database(s.db(), each)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(asks.size(), r -> {
            Thread t = new Thread(r, "labcheck-doctor");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<List<Line>>> running = asks.stream()
                    .map(a -> CompletableFuture.supplyAsync(a, pool)).toList();
            List<Line> lines = new ArrayList<>();
            for (CompletableFuture<List<Line>> f : running) {
                try {
                    lines.addAll(f.get(each.toMillis() * 3 + 1000, TimeUnit.MILLISECONDS));
                } catch (Exception e) {
                    lines.add(new Line(false, "A prerequisite could not be checked in time (" + e.getClass()
                            .getSimpleName() + ").", "run labcheck doctor again; if it repeats, run labcheck check."));
                }
            }
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Line> app(AppTarget target, String what, Duration each, boolean health) {
        URI dial = URI.create(target.dialUrl() != null ? target.dialUrl() : target.url());
        String named = target.host() + ":" + target.port();
        int port = dial.getPort() > 0 ? dial.getPort() : "https".equals(dial.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(dial.getHost(), port), (int) each.toMillis());
        } catch (IOException e) {
            return List.of(new Line(false, named + " is not listening (the " + what + ": " + e.getMessage() + ").",
                    "start the " + what + " on port " + target.port() + " (e.g. python3 "
                    + (health ? "app_with_cache.py" : "app_no_cache.py") + "), or give --"
                    + (health ? "app" : "baseline") + " URL where it listens."));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(true, named + " is listening (the " + what + ").", null));
        if (health) {
            // an app's first answer may wait on its own connections: /health gets twice the connect bound, plus one
            Duration answer = each.multipliedBy(2).plusSeconds(1);
            HttpProbe probe = new HttpProbe(HttpProbe.newClient(each), target, answer, 64 * 1024);
            HttpResult r = probe.get("/health", Deadline.after(answer));
            String url = SafeUrl.strip(target.url()) + "/health";
            if (!r.answered()) {
                lines.add(new Line(false, "GET " + url + " did not answer: " + r.failure() + ".",
                        "make the cache app serve GET /health with {\"status\": ..., \"redis_status\": ...}."));
            } else if (r.status() != 200) {
                lines.add(new Line(false, "GET " + url + " answered HTTP " + r.status() + ".",
                        "make GET /health answer 200 with {\"status\": ..., \"redis_status\": ...}."));
            } else {
                lines.add(new Line(true, "GET " + url + " answered 200.", null));
            }
        }
        return lines;
    }

    private static Line redis(RedisTarget target, Duration each) {
        RedisReader.Result r = RedisReader.connect(target, each);
        if (r.reader() != null) {
            r.reader().close();
            return new Line(true, "Redis at " + target.endpoint() + " accepted labcheck's connection.", null);
        }
        return new Line(false, "Redis at " + target.endpoint() + ": " + r.unavailable().message(),
                "check the endpoint (ElastiCache console > the cluster > Primary endpoint), that port 6379 is open"
                        + " to this instance's security group, and for an encrypted cache rediss:// and the AUTH"
                        + " token (--redis-password-env).");
    }

    private static Line database(DbTarget target, Duration each) {
        DbReader.Result r = DbReader.connect(target, each);
        if (r.reader() != null) {
            r.reader().close();
            return new Line(true, "The database " + SafeUrl.strip(target.jdbcUrl()) + " accepted the login.", null);
        }
        return new Line(false, "The database " + SafeUrl.strip(target.jdbcUrl()) + ": " + r.unavailable().message(),
                "check the RDS endpoint, that port 3306 is open to this instance's security group, and the user"
                        + " (--db-user) and the password in the variable --db-password-env names.");
    }
}
