package labcheck.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import labcheck.evidence.Unavailable;
import labcheck.probe.AppTarget;
import labcheck.probe.Apps;
import labcheck.probe.DbTarget;
import labcheck.probe.ProbeSettings;
import labcheck.probe.RedisTarget;
import labcheck.probe.Source;
import labcheck.reach.Reach;
import labcheck.reach.ReachException;
import labcheck.reach.SshSettings;

/**
 * The probe's targets reached through the instance over one SSH connection: each app, Redis and
 * the database is dialled at a local forward to the address the instance sees, the timing
 * comparison runs on the instance and the source is read there. Every target keeps its
 * instance's address, so the evidence names what the student's instance sees from the start and
 * nothing is renamed afterwards. The cache and database endpoint names are resolved here
 * ({@link ChosenAddress}), so their forwards go to addresses labcheck chose, not where the
 * instance's own name resolution points. The probe's budget starts here: connecting, the trial
 * forwards and the source read are paid from it, and the probe gets what is left
 * ({@link #settings()}).
 *
 * <pre>{@code
 * try (ThroughSsh way = ThroughSsh.open(ssh, settingsAsTheInstanceSeesThem, "~/app_with_cache.py", progress)) {
 *     Fact<AppEvidence> app = way.settings() == null ? Fact.unavailable(way.failure())
 *             : new AppProbe(way.settings()).run();
 * }
 * }</pre>
 */
final class ThroughSsh implements AutoCloseable {

    /** The most of the budget the source read may take (it is one small file), and the least it is given. */
    private static final double SOURCE_SHARE = 0.1;
    private static final Duration SOURCE_MIN = Duration.ofSeconds(3);
    private static final Duration SOURCE_MAX = Duration.ofSeconds(15);
    /** How long one trial connection through a forward may take, at most. */
    private static final Duration TRIAL = Duration.ofSeconds(10);
    /** How long resolving an endpoint name here may take, at most. */
    private static final Duration RESOLVE = Duration.ofSeconds(5);
    /** What cross-checks a server that the instance's name resolution chose, for the note. */
    private static final String COMPARED = "the version the server reports is compared with what AWS reports for"
            + " the endpoint";
    /** The least any step is given, so a budget spent by a slow login still ends each step cleanly. */
    private static final Duration LEAST = Duration.ofSeconds(1);

    private final Reach reach;
    private final ProbeSettings settings;
    private final Unavailable failure;
    private final List<String> notes;
    private final long endNanos;

    private ThroughSsh(Reach reach, ProbeSettings settings, Unavailable failure, List<String> notes, long endNanos) {
        this.reach = reach;
        this.settings = settings;
        this.failure = failure;
        this.notes = notes;
        this.endNanos = endNanos;
    }

    /**
     * Opens the connection and a forward per target within the probe's budget; never throws for
     * what the network or the instance does: {@link #failure()} then says why the app cannot be
     * reached at all, and a target that cannot be reached (Redis, the database, the no-cache app)
     * is marked so, with its reason.
     *
     * @param remoteSource the app's source as a path on the instance, or null
     */
    static ThroughSsh open(SshSettings ssh, ProbeSettings asSeen, String remoteSource, Consumer<String> progress) {
        return open(withKeyFile(ssh, progress), asSeen, remoteSource, progress);
    }

    /** The way in with the key file {@code ssh} names, each step capped by what is left until the end. */
    static Opener withKeyFile(SshSettings ssh, Consumer<String> progress) {
        return end -> {
            progress.accept("Connecting over SSH to " + ssh.target() + "...");
            return Reach.open(ssh.withTimeouts(cap(ssh.connectTimeout(), end), cap(ssh.authTimeout(), end)));
        };
    }

    /** How the connection is opened: with a key file, or with a key pushed first ({@link InstanceConnectWay}). */
    interface Opener {
        /** Connects and logs in before {@code end} ({@link System#nanoTime()}), or says why not. */
        Reach open(long end) throws ReachException;
    }

    /** As {@link #open(SshSettings, ProbeSettings, String, Consumer)}, the connection opened by {@code opener}. */
    static ThroughSsh open(Opener opener, ProbeSettings asSeen, String remoteSource, Consumer<String> progress) {
        long end = System.nanoTime() + asSeen.limits().budget().toNanos();
        Reach reach;
        try {
            reach = opener.open(end);
        } catch (ReachException e) {
            return failed(e, end);
        }
        try {
            return forwardAll(reach, asSeen, remoteSource, progress, end);
        } catch (ReachException e) {
            reach.close();
            return failed(e, end);
        }
    }

    /** {@code d}, or what is left of the budget ending at {@code end} if less (never under {@link #LEAST}). */
    static Duration cap(Duration d, long end) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        Duration c = d.compareTo(left) < 0 ? d : left;
        return c.compareTo(LEAST) < 0 ? LEAST : c;
    }

    private static ThroughSsh failed(ReachException e, long end) {
        return new ThroughSsh(null, null, new Unavailable("Unreachable", "ssh", e.getMessage()), List.of(), end);
    }

    private static ThroughSsh forwardAll(Reach reach, ProbeSettings asSeen, String remoteSource,
                                         Consumer<String> progress, long end) throws ReachException {
        Apps apps = asSeen.apps();
        AppTarget app = forward(reach, apps.app(), end);
        List<String> reached = new ArrayList<>(List.of("the cache app " + app.url()));
        AppTarget baseline = apps.baseline();
        if (baseline != null) {
            try {
                baseline = forward(reach, baseline, end);
                reached.add("the no-cache app " + baseline.url());
            } catch (ReachException e) {
                baseline = baseline.blocked(e.getMessage());
            }
        }
        List<String> chosen = new ArrayList<>();
        RedisTarget redis = asSeen.redis();
        if (redis.given()) {
            try {
                redis = redis.via("127.0.0.1", forwardChosen(reach, redis.host(), redis.port(), "Redis", chosen, end));
                reached.add("Redis " + redis.endpoint());
            } catch (ReachException e) {
                redis = redis.blocked(e.getMessage());
            }
        }
        DbTarget db = asSeen.db();
        DbTarget.HostPort dbAt = db.hostPort();
        if (dbAt != null) {
            try {
                db = db.via("127.0.0.1", forwardChosen(reach, dbAt.host(), dbAt.port(), "the database", chosen, end));
                reached.add("the database " + dbAt.host() + ":" + dbAt.port());
            } catch (ReachException e) {
                db = db.blocked(e.getMessage());
            }
        }
        Duration sourceTime = cap(Duration.ofNanos(Math.max(SOURCE_MIN.toNanos(), Math.min(SOURCE_MAX.toNanos(),
                (long) (asSeen.limits().budget().toNanos() * SOURCE_SHARE)))), end);
        Source source = remoteSource == null ? asSeen.source()
                : Source.ofText(reach.source(remoteSource, sourceTime));
        ProbeSettings dialled = asSeen.withApps(new Apps(app, baseline, apps.baseline() == null ? apps.timer()
                        : reach.timer(app.url(), apps.baseline().url())))
                .withRedis(redis).withDb(db).withSource(source);
        List<String> notes = new ArrayList<>(reach.notes());
        notes.add("Reached through SSH " + reach.target() + ": " + String.join(", ", reached)
                + " as the instance sees them, each over a forward.");
        notes.addAll(chosen);
        progress.accept("SSH to " + reach.target() + " is up; forwarding " + String.join(", ", reached) + ".");
        return new ThroughSsh(reach, dialled, null, notes, end);
    }

    /**
     * A forward to {@code host:port} at the address labcheck resolves it to ({@link ChosenAddress}),
     * saying so in {@code notes}. Where the instance cannot connect to that address (a publicly
     * accessible RDS instance's name resolves to its public address outside its VPC), the forward
     * goes to the name as the instance resolves it, and the note says what was reached is then the
     * instance's word.
     */
    private static int forwardChosen(Reach reach, String host, int port, String what, List<String> notes, long end)
            throws ReachException {
        ChosenAddress at = ChosenAddress.of(host, cap(RESOLVE, end));
        try {
            int local = reach.forward(at.forwardHost(), port, cap(TRIAL, end));
            String note = at.note(what, port, COMPARED);
            if (note != null) {
                notes.add(note);
            }
            return local;
        } catch (ReachException e) {
            if (at.address() == null) {
                throw e;
            }
            try {
                int local = reach.forward(at.name(), port, cap(TRIAL, end));
                notes.add(at.fallbackNote(what, port, COMPARED));
                return local;
            } catch (ReachException again) {
                throw new ReachException(at.name() + ":" + port + " resolves to " + at.address() + " from here; "
                        + e.getMessage());
            }
        }
    }

    /** The app dialled at a forward to where the instance sees it; its URL stays the instance's. */
    private static AppTarget forward(Reach reach, AppTarget app, long end) throws ReachException {
        return app.via("127.0.0.1", reach.forward(app.host(), app.port(), cap(TRIAL, end)));
    }

    /**
     * The probe's settings: every target as the instance sees it, dialled at its forward, with what
     * is left of the budget now; null on {@link #failure()}.
     */
    ProbeSettings settings() {
        if (settings == null) {
            return null;
        }
        Duration left = Duration.ofNanos(Math.max(1_000_000, endNanos - System.nanoTime()));
        return settings.withLimits(settings.limits().withBudget(left));
    }

    /** Why the app cannot be reached at all, or null. */
    Unavailable failure() {
        return failure;
    }

    /** What the way in did (what was forwarded, a host key recorded, the link dropping), for the scoresheet. */
    List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (reach != null) {
            reach.notes().stream().filter(n -> !all.contains(n)).forEach(all::add);
        }
        return all;
    }

    @Override
    public void close() {
        if (reach != null) {
            reach.close();
        }
    }
}
