package labcheck.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.Unavailable;

/**
 * What {@code labcheck doctor} asks before any grading: is each app listening and does {@code /health}
 * answer; does each endpoint's name resolve from here, does it accept a TCP connection, does Redis answer
 * PING (with TLS and AUTH as the probe does them) and does the database accept the login: one line each,
 * so the fix is specific (the name, the security group, the password, TLS). Each question is short and
 * they run in parallel, so the whole is bounded; nothing is measured into evidence and nothing is written.
 *
 * <pre>{@code
 * for (Prerequisites.Line line : Prerequisites.check(settings, Duration.ofSeconds(2), "DB_PASSWORD")) {
 *     System.out.println(line);   // "OK    localhost:5001 is listening." / "FAIL  localhost:5001 is not listening. Fix: ..."
 * }
 * }</pre>
 */
public final class Prerequisites {

    /** The least a step is given, so a spent bound still ends each step cleanly. */
    private static final Duration LEAST = Duration.ofMillis(500);

    private Prerequisites() {
    }

    /** Whether a prerequisite holds, does not, or was not checked (and how it would be). */
    public enum Status { OK, FAIL, SKIP }

    /** One prerequisite: what was asked, and the fix (or, when skipped, what would check it); null when it holds. */
    public record Line(Status status, String said, String fix) {

        public static Line ok(String said) {
            return new Line(Status.OK, said, null);
        }

        public static Line fail(String said, String fix) {
            return new Line(Status.FAIL, said, fix);
        }

        public static Line skipped(String said, String how) {
            return new Line(Status.SKIP, said, how);
        }

        public boolean failed() {
            return status == Status.FAIL;
        }

        @Override
        public String toString() {
            String head = String.format("%-6s", status) + said;
            return fix == null ? head : head + (status == Status.SKIP ? " To check it: " : " Fix: ") + fix;
        }
    }

    /** Every prerequisite {@code s} names, each step within {@code each}, in a fixed order. */
    public static List<Line> check(ProbeSettings s, Duration each, String dbPasswordVariable) {
        long end = System.nanoTime() + each.multipliedBy(4).toNanos();
        List<Supplier<List<Line>>> asks = new ArrayList<>(apps(s, each));
        asks.addAll(endpoints(s, each, end, dbPasswordVariable));
        return parallel(asks, each.multipliedBy(4));
    }

    /** The apps' questions: listening, and the cache app's {@code /health}. */
    public static List<Supplier<List<Line>>> apps(ProbeSettings s, Duration each) {
        List<Supplier<List<Line>>> asks = new ArrayList<>();
        asks.add(() -> app(s.apps().app(), "cache app", each, true));
        if (s.apps().baseline() != null) {
            asks.add(() -> app(s.apps().baseline(), "no-cache app", each, false));
        }
        return asks;
    }

    /** Redis's and the database's questions, where {@code s} names them; no step starts past {@code end}. */
    public static List<Supplier<List<Line>>> endpoints(ProbeSettings s, Duration each, long end,
                                                       String dbPasswordVariable) {
        List<Supplier<List<Line>>> asks = new ArrayList<>();
        if (s.redis().given()) {
            asks.add(() -> redis(s.redis(), each, end));
        }
        if (s.db().given()) {
            asks.add(() -> database(s.db(), each, end, dbPasswordVariable));
        }
        return asks;
    }

    /** Runs {@code asks} at once; one not answered within {@code bound} is a line saying so. */
    public static List<Line> parallel(List<Supplier<List<Line>>> asks, Duration bound) {
        if (asks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(asks.size(), r -> {
            Thread t = new Thread(r, "labcheck-doctor");
            t.setDaemon(true);
            return t;
        });
        try {
            long end = System.nanoTime() + bound.toNanos() + TimeUnit.SECONDS.toNanos(1);
            List<CompletableFuture<List<Line>>> running = asks.stream()
                    .map(a -> CompletableFuture.supplyAsync(a, pool)).toList();
            List<Line> lines = new ArrayList<>();
            for (CompletableFuture<List<Line>> f : running) {
                try {
                    lines.addAll(f.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (Exception e) {
                    lines.add(Line.fail("A prerequisite could not be checked in time (" + e.getClass()
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
        if (target.unreachable() != null) {
            return List.of(Line.fail(named + " could not be reached through the instance (the " + what + "): "
                    + target.unreachable(), "start the " + what + " on the instance on port " + target.port() + "."));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(dial.getHost(), port), (int) each.toMillis());
        } catch (IOException e) {
            return List.of(Line.fail(named + " is not listening (the " + what + ": " + e.getMessage() + ").",
                    "start the " + what + " on port " + target.port() + " (e.g. python3 "
                    + (health ? "app_with_cache.py" : "app_no_cache.py") + "), or give --"
                    + (health ? "app" : "baseline") + " URL where it listens."));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(Line.ok(named + " is listening (the " + what + ")."));
        if (health) {
            // an app's first answer may wait on its own connections: /health gets twice the connect bound, plus one
            Duration answer = each.multipliedBy(2).plusSeconds(1);
            HttpProbe probe = new HttpProbe(HttpProbe.newClient(each), target, answer, 64 * 1024);
            HttpResult r = probe.get("/health", Deadline.after(answer));
            String url = SafeUrl.strip(target.url()) + "/health";
            if (!r.answered()) {
                lines.add(Line.fail("GET " + url + " did not answer: " + r.failure() + ".",
                        "make the cache app serve GET /health with {\"status\": ..., \"redis_status\": ...}."));
            } else if (r.status() != 200) {
                lines.add(Line.fail("GET " + url + " answered HTTP " + r.status() + ".",
                        "make GET /health answer 200 with {\"status\": ..., \"redis_status\": ...}."));
            } else {
                lines.add(Line.ok("GET " + url + " answered 200."));
            }
        }
        return lines;
    }

    private static List<Line> redis(RedisTarget t, Duration each, long end) {
        String named = "The Redis endpoint " + t.endpoint();
        List<Line> lines = new ArrayList<>();
        if (!reached(named, t.host(), t.port(), t.dialHost(), t.dialPort(), t.unreachable(), each, end, lines,
                "the cache's security group must allow TCP " + t.port() + " from this instance's security group"
                + " (ElastiCache console > the cluster > Security groups)",
                "copy the Primary endpoint from the ElastiCache console (the cluster > Cluster details), or give"
                + " --redis HOST:PORT; ElastiCache names resolve to private addresses, reachable from the lab's VPC")) {
            return lines;
        }
        RedisReader.Result r = RedisReader.connect(t, cap(each, end));
        if (r.reader() != null) {
            r.reader().close();
            lines.add(Line.ok("Redis at " + t.endpoint() + " answered PING" + (t.tls() ? " over TLS" : "")
                    + (t.credentials() == null ? "" : " after AUTH") + "."));
            return lines;
        }
        Unavailable why = r.unavailable();
        lines.add(Line.fail(why.message(), why.fix() != null ? why.fix() : t.tls()
                ? "the cache may not use in-transit encryption: give --redis redis://HOST:PORT (not rediss://)."
                : "if the cache uses in-transit encryption, give --redis rediss://HOST:PORT; if it asks for an AUTH"
                + " token, name its variable with --redis-password-env."));
        return lines;
    }

    private static List<Line> database(DbTarget t, Duration each, long end, String passwordVariable) {
        DbTarget.HostPort at = t.hostPort();
        String shown = SafeUrl.strip(t.jdbcUrl());
        List<Line> lines = new ArrayList<>();
        if (at != null && !reached("The database endpoint " + at.host() + ":" + at.port(), at.host(), at.port(),
                dialHost(t), dialPort(t, at.port()), t.unreachable(), each, end, lines,
                "the database's security group must allow TCP " + at.port() + " from this instance's security group"
                + " (RDS console > the instance > Connectivity & security)",
                "copy the Endpoint from the RDS console (the instance > Connectivity & security), or give --db-url")) {
            return lines;
        }
        DbReader.Result r = DbReader.connect(t, cap(each, end));
        if (r.reader() != null) {
            r.reader().close();
            lines.add(Line.ok("The database " + shown + " accepted the login."));
            return lines;
        }
        String user = t.credentials() == null || t.credentials().user() == null ? "admin" : t.credentials().user();
        String variable = passwordVariable == null ? "DB_PASSWORD" : passwordVariable;
        lines.add(Line.fail("The database " + shown + " did not accept the login: " + r.unavailable().message(),
                "check the user " + user + " (--db-user) and the password in " + variable + " (the one the app"
                + " uses; `read -rs " + variable + "; export " + variable + "`), and that the database "
                + (at == null ? "" : "at " + at.host() + " ") + "has the schema the --db-url names."));
        return lines;
    }

    /**
     * The resolve and connect lines of one endpoint, added to {@code lines}; false when one failed. Dialled
     * over a forward, the instance resolved and connected: one line says so, or why the forward failed.
     */
    private static boolean reached(String named, String host, int port, String dialHost, int dialPort,
                                   String unreachable, Duration each, long end, List<Line> lines,
                                   String openPort, String rightName) {
        if (unreachable != null) {
            lines.add(Line.fail(named + " could not be reached through the instance: " + unreachable,
                    openPort + "; " + rightName + "."));
            return false;
        }
        if (!host.equals(dialHost) || port != dialPort) {
            lines.add(Line.ok(named + " accepted a connection from the instance (an SSH forward)."));
            return true;
        }
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InetAddress[] addresses;
        try {
            addresses = lookup.get(cap(each, end).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            lines.add(Line.fail(named + ": its name " + host + " did not resolve from this machine within "
                    + cap(each, end).toMillis() + " ms.", "check this machine's DNS (on EC2 the VPC's resolver);"
                    + " " + rightName + "."));
            return false;
        } catch (Exception e) {
            lines.add(Line.fail(named + ": its name " + host + " does not resolve from this machine (unknown host).",
                    rightName + "."));
            return false;
        } finally {
            lookup.cancel(true);
        }
        lines.add(Line.ok(named + ": its name resolves to " + addresses[0].getHostAddress() + "."));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(addresses[0], port), (int) cap(each, end).toMillis());
        } catch (IOException e) {
            lines.add(Line.fail(named + " did not accept a TCP connection to " + addresses[0].getHostAddress() + ":"
                    + port + " within " + cap(each, end).toMillis() + " ms (" + e.getMessage() + ").", openPort
                    + ", and the resource must be available."));
            return false;
        }
        lines.add(Line.ok(named + " accepted a TCP connection on port " + port + "."));
        return true;
    }

    private static String dialHost(DbTarget t) {
        DbTarget dialled = new DbTarget(t.dialUrl(), null, null, null);
        DbTarget.HostPort at = dialled.hostPort();
        return at == null ? null : at.host();
    }

    private static int dialPort(DbTarget t, int otherwise) {
        DbTarget.HostPort at = new DbTarget(t.dialUrl(), null, null, null).hostPort();
        return at == null ? otherwise : at.port();
    }

    /** {@code d}, or what is left until {@code end} if less (never under half a second). */
    static Duration cap(Duration d, long end) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        Duration c = d.compareTo(left) < 0 ? d : left;
        return c.compareTo(LEAST) < 0 ? LEAST : c;
    }
}
