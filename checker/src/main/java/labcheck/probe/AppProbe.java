package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import labcheck.evidence.EvidencePart;
import labcheck.evidence.Fact;
import labcheck.evidence.SafeUrl;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.HealthProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.LoadTestResult;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.StatsSnapshot;
import labcheck.evidence.app.StatsWindow;
import labcheck.evidence.app.TimingProbe;

/**
 * Probes the student's running app (and, when given, its Redis and database) into
 * {@link AppEvidence}. Never throws for anything the app does: each misbehaviour costs only
 * the evidence it touches, with the reason. Bounded by {@link Limits#budget()}. It dials each
 * target where the settings say this host reaches it and writes the evidence with the target as
 * the instance sees it, so nothing is renamed afterwards.
 *
 * <pre>{@code
 * Fact<AppEvidence> app = new AppProbe(settings).run();
 * Evidence graded = evidence.withApp(app);
 * }</pre>
 *
 * <p>Order matters: the probe's own Redis reads (EXISTS, GET, TTL) move Redis's keyspace
 * counters, so they happen before {@code /stats} is first read or after it is read again,
 * never inside the window whose hit ratio is graded.
 */
public final class AppProbe {

    private final ProbeSettings s;
    private final Set<EvidencePart> parts;

    public AppProbe(ProbeSettings settings) {
        this(settings, EvidencePart.appParts());
    }

    /**
     * A probe that measures only {@code parts} (and the phases they stand on: the lazy-loading
     * requests fill the keys the key, database, write and load phases read; the /stats window is
     * graded over the timing comparison's requests); every other part reads "not collected".
     */
    public AppProbe(ProbeSettings settings, Set<EvidencePart> parts) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.s = settings;
        this.parts = EnumSet.copyOf(parts.isEmpty() ? EvidencePart.appParts() : parts);
    }

    /** Why a part was not measured: the checks of the run (check --item) do not read it. */
    static final String NOT_CHOSEN = "the checks chosen with --item do not read it; run without --item to measure it.";

    private boolean wants(EvidencePart... any) {
        return Arrays.stream(any).anyMatch(parts::contains);
    }

    private <T> Fact<T> ifWanted(EvidencePart part, java.util.function.Supplier<Fact<T>> measure) {
        return parts.contains(part) ? measure.get() : Fact.notCollected(part.describe(), NOT_CHOSEN);
    }

    /** Why a write probe did not run, and how to run it. */
    static final String NO_WRITES = "--no-writes (roster column no_writes) was given, so the probe sent no PUT or"
            + " DELETE; run without it to verify this (the probe restores what it changes).";

    /** Runs every probe within the budget; never throws for app misbehaviour. */
    public Fact<AppEvidence> run() {
        long t0 = System.nanoTime();
        PhaseClock phases = new PhaseClock();
        Limits limits = s.limits();
        Deadline total = Deadline.after(limits.budget());
        List<String> notes = new ArrayList<>();
        HttpClient client = HttpProbe.newClient(limits.connectTimeout());
        AppTarget baseline = s.apps().baseline();
        HttpProbe app = new HttpProbe(client, s.apps().app(), limits.requestTimeout(), limits.maxBodyBytes());
        HttpProbe base = baseline == null || baseline.unreachable() != null ? null
                : new HttpProbe(client, baseline, limits.requestTimeout(), limits.maxBodyBytes());
        DbReader.Result db = DbReader.connect(s.db(), total.cap(limits.requestTimeout()));
        RedisReader.Result redis = RedisReader.connect(s.redis(), total.cap(limits.requestTimeout()));
        phases.lap("connect");
        try {
            ProductKeys productKeys = new ProductKeys(redis.reader(), notes);
            int highest = IdChooser.highest(limits, db.reader(), notes);
            // before any request of the probe's own, so only the app (or its warm-up) can have cached these
            productKeys.beforeRequests(() -> sample(WarmPhase.top(db.reader(), 3), highest));
            var warm = ifWanted(EvidencePart.APP_WARM_CACHE, () -> WarmPhase.read(db, redis, productKeys));
            phases.lap("warmCache");
            Fact<HealthProbe> health = ifWanted(EvidencePart.APP_HEALTH,
                    () -> guard("The health probe", () -> health(app, total.share(0.1))));
            boolean requests = wants(EvidencePart.APP_LAZY_LOAD, EvidencePart.APP_REDIS_KEYS, EvidencePart.APP_DATABASE,
                    EvidencePart.APP_TIMING, EvidencePart.APP_STATS, EvidencePart.APP_WRITE_THROUGH,
                    EvidencePart.APP_DELETE, EvidencePart.APP_LOAD_TEST);
            Tally tally = new Tally();
            ProductPhases products = new ProductPhases(s, app, base, tally, notes);
            phases.lap("health");
            IdChooser.Chosen chosen = IdChooser.candidates(limits, highest, productKeys, notes);
            phases.lap("chooseIds");

            StatsReader.Read before = wants(EvidencePart.APP_STATS) ? StatsReader.read(app, total.share(0.05)) : null;
            tally.windowOpen = before != null && before.snapshot() != null;
            long[] redisBefore = tally.windowOpen ? keyspace(redis.reader(), notes) : null;
            long[] ownBefore = redis.reader() == null ? null : redis.reader().ownLookups();
            Tracer tracer = new Tracer(redis.reader(), productKeys, db.reader(), notes);
            phases.lap("windowOpen");
            Fact<LazyLoadProbe> lazy = !requests ? Fact.notCollected(EvidencePart.APP_LAZY_LOAD.describe(), NOT_CHOSEN)
                    : guard("The lazy-loading probe",
                    () -> products.lazyLoad(chosen, productKeys, tracer, total.share(0.2)));
            phases.lap("lazyLoad");
            Fact<DatabaseProbe> database = !wants(EvidencePart.APP_DATABASE)
                    ? Fact.notCollected(EvidencePart.APP_DATABASE.describe(), NOT_CHOSEN)
                    : db.reader() == null ? Fact.unavailable(db.unavailable())
                    : guard("The database probe", () -> products.hitWindow(db.reader(),
                            SafeUrl.strip(s.db().jdbcUrl()), tracer, total.share(0.15)));
            phases.lap("hitWindow");
            // the no-cache app's time is corroborated by the database work its requests need
            boolean timed = wants(EvidencePart.APP_TIMING, EvidencePart.APP_STATS);
            QueryTimer queries = timed ? QueryTimer.before(db.reader(), db.unavailable()) : null;
            Fact<TimingProbe> timing = !timed ? Fact.notCollected(EvidencePart.APP_TIMING.describe(), NOT_CHOSEN)
                    : baseline != null && baseline.unreachable() != null
                    ? Fact.unavailable(new Unavailable("Unreachable", "GET baseline /product/{id}",
                            baseline.unreachable()))
                    : base == null
                    ? Fact.notCollected("The timing comparison", "run with --baseline URL of the no-cache app.")
                    : guard("The timing comparison", () -> products.timing(total.share(0.6)));
            phases.lap("timing");
            timing = queries == null ? timing : queries.after(timing, total.share(0.08));
            phases.lap("queryTimer");
            StatsReader.Read after = tally.windowOpen ? StatsReader.read(app, total.share(0.1)) : null;
            long[] redisAfter = redisBefore == null ? null : keyspace(redis.reader(), notes);
            if (ownBefore != null) {
                // the probe's own key reads in the window (EXISTS, TYPE, ...), which Redis counted with the app's
                long[] ownAfter = redis.reader().ownLookups();
                tally.probeHits = (int) (ownAfter[0] - ownBefore[0]);
                tally.probeMisses = (int) (ownAfter[1] - ownBefore[1]);
            }
            tally.windowOpen = false;
            Fact<StatsWindow> stats = before == null ? Fact.notCollected(EvidencePart.APP_STATS.describe(), NOT_CHOSEN)
                    : statsWindow(before, after, tally, redisBefore, redisAfter);
            lazy = products.withTotals(lazy);
            phases.lap("windowClose");

            Fact<RedisKeysProbe> redisKeys = !wants(EvidencePart.APP_REDIS_KEYS)
                    ? Fact.notCollected(EvidencePart.APP_REDIS_KEYS.describe(), NOT_CHOSEN)
                    : redis.reader() == null ? Fact.unavailable(redis.unavailable())
                    : guard("The Redis key probe", () -> products.redisKeys(redis.reader(), productKeys));
            phases.lap("redisKeys");
            WritePhase writes = new WritePhase(app, redis.reader(), productKeys, products.cachedProducts());
            var writeThrough = !wants(EvidencePart.APP_WRITE_THROUGH, EvidencePart.APP_DELETE)
                    ? Fact.<labcheck.evidence.app.WriteProbe>notCollected("The PUT probe", NOT_CHOSEN)
                    : limits.writeProbes() ? guard("The PUT probe", () -> writes.put(total.share(0.3)))
                    : Fact.<labcheck.evidence.app.WriteProbe>notCollected("The PUT probe", NO_WRITES);
            var delete = !wants(EvidencePart.APP_DELETE)
                    ? Fact.<labcheck.evidence.app.DeleteProbe>notCollected("The DELETE probe", NOT_CHOSEN)
                    : !limits.writeProbes()
                    ? Fact.<labcheck.evidence.app.DeleteProbe>notCollected("The DELETE probe", NO_WRITES)
                    : canRestore(writeThrough) ? guard("The DELETE probe", () -> writes.delete(total.share(0.4)))
                    : Fact.<labcheck.evidence.app.DeleteProbe>unavailable(new Unavailable("NotCollected",
                            "DELETE /product/{id}", "The DELETE probe was not run: it puts the deleted product back "
                            + "with PUT /product/{id}, and the PUT probe showed that does not work here, so a DELETE "
                            + "would lose the student's data; add a PUT that creates or updates the product."));
            phases.lap("writes");
            Fact<LoadTestResult> load = ifWanted(EvidencePart.APP_LOAD_TEST,
                    () -> guard("The load test", () -> loadTest(app, products.servedIds(), total)));
            phases.lap("loadTest");
            var servers = ifWanted(EvidencePart.APP_SERVERS, () -> guard("The servers' own identity",
                    () -> ServerReads.read(redis.reader(), db.reader(), s.db())));
            var source = ifWanted(EvidencePart.APP_SOURCE, () -> guard("The source excerpt",
                    () -> s.source().text() != null
                    ? SourceScanner.scanText(s.source().text()) : SourceScanner.scan(s.source().file())));
            phases.lap("serversAndSource");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return Fact.of(AppEvidence.builder().appUrl(SafeUrl.strip(s.apps().app().url()))
                    .baselineUrl(baseline == null ? null : SafeUrl.strip(baseline.url()))
                    .health(health).lazyLoad(lazy).redis(redisKeys).database(database).timing(timing)
                    .stats(stats).loadTest(load).writeThrough(writeThrough).delete(delete)
                    .source(source).durationMs(ms).notes(notes).warmCache(warm).servers(servers)
                    .keyScheme(productKeys.readable() ? productKeys.scheme() : null).phasesMs(phases.ms()).build());
        } catch (RuntimeException e) {
            return Fact.unavailable(new Unavailable("ProbeError", null, "The app probe stopped on an unexpected "
                    + e.getClass().getSimpleName() + " (" + e.getMessage() + "); this is a labcheck bug, please "
                    + "report it with the command you ran."));
        } finally {
            if (db.reader() != null) {
                db.reader().close();
            }
            if (redis.reader() != null) {
                redis.reader().close();
            }
        }
    }

    /**
     * {@code app} with {@code first} (what the way in did: what was forwarded, a host key recorded,
     * the link dropping) before the probe's own notes, every part kept; an unavailable fact as it is.
     */
    public static Fact<AppEvidence> withNotesFirst(Fact<AppEvidence> app, List<String> first) {
        if (!app.available()) {
            return app;
        }
        List<String> notes = new ArrayList<>(first);
        notes.addAll(app.value().notes());
        // toBuilder keeps every part, the cache-warming read included
        return Fact.of(app.value().toBuilder().notes(notes).build());
    }

    /**
     * Runs one probe; a failure inside it, an {@link Error} such as {@link OutOfMemoryError} or
     * {@link StackOverflowError} included, costs that probe only: it is recorded, and the rest go on.
     */
    static <T> Fact<T> guard(String probe, java.util.function.Supplier<Fact<T>> run) {
        try {
            return run.get();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Fact.unavailable(new Unavailable("ProbeError", null, probe + " stopped on an unexpected "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; the other probes ran. This is a labcheck bug: please report it with the command you ran."));
        }
    }

    private static boolean canRestore(Fact<labcheck.evidence.app.WriteProbe> put) {
        return put.available() && put.value().offered() && put.value().restored();
    }

    private static Fact<HealthProbe> health(HttpProbe app, Deadline d) {
        HttpResult r = app.get("/health", d);
        if (!r.answered()) {
            return Fact.unavailable(new Unavailable(r.unavailableCode(), "GET /health",
                    "GET /health on " + SafeUrl.strip(app.url()) + ": " + r.failure() + "."));
        }
        Json.Parsed p = Json.object(r);
        if (!p.ok()) {
            return Fact.unavailable(new Unavailable("InvalidResponse", "GET /health",
                    "GET /health on " + SafeUrl.strip(app.url()) + " " + p.problem() + "."));
        }
        StringBuilder problems = new StringBuilder();
        JsonNode o = p.node();
        String status = Json.text(o, "status", problems);
        String redisStatus = Json.text(o, "redis_status", problems);
        String dbStatus = Json.text(o, "db_status", problems);
        if (redisStatus == null && problems.length() == 0) {
            Json.note(problems, "redis_status is missing");
        }
        return Fact.of(new HealthProbe(r.status(), r.contentType(), status, redisStatus, dbStatus,
                problems.length() == 0 ? null : problems.toString()));
    }

    /**
     * Ids whose key tells a cache warmed under another name: the most viewed first (a warm-up caches
     * those), then a few spread over the range, with three digits or more (a name search for "7"
     * would match too much).
     */
    private static List<Integer> sample(List<Integer> top, int highest) {
        Set<Integer> ids = new LinkedHashSet<>(top);
        for (int i = 1; i <= 5 && highest >= 100; i++) {
            ids.add(Math.max(100, highest * i / 6));
        }
        return List.copyOf(ids);
    }

    /** Redis's own keyspace counters, or null when Redis is not readable (the window is then judged on /stats). */
    private static long[] keyspace(RedisReader redis, List<String> notes) {
        if (redis == null) {
            return null;
        }
        try {
            return redis.keyspace();
        } catch (RuntimeException e) {
            notes.add("Redis INFO stats could not be read (" + e.getMessage() + "), so /stats was not compared with "
                    + "Redis's own counters.");
            return null;
        }
    }

    private static Fact<StatsWindow> statsWindow(StatsReader.Read before, StatsReader.Read after, Tally t,
                                                 long[] redisBefore, long[] redisAfter) {
        if (before.snapshot() == null) {
            return Fact.unavailable(before.unavailable());
        }
        if (after == null || after.snapshot() == null) {
            return Fact.unavailable(after == null ? before.unavailable() : after.unavailable());
        }
        boolean redis = redisBefore != null && redisAfter != null;
        return Fact.of(new StatsWindow(before.snapshot(), after.snapshot(), t.windowHits, t.windowMisses,
                t.windowUnknown, redis ? snapshot(redisBefore) : null, redis ? snapshot(redisAfter) : null,
                redis ? t.probeHits : 0, redis ? t.probeMisses : 0, t.windowBypasses));
    }

    private static StatsSnapshot snapshot(long[] keyspace) {
        long total = keyspace[0] + keyspace[1];
        return new StatsSnapshot(keyspace[0], keyspace[1], total,
                total == 0 ? 0 : Math.round(keyspace[0] * 10000.0 / total) / 100.0);
    }

    private Fact<LoadTestResult> loadTest(HttpProbe app, List<Integer> served, Deadline total) {
        Limits limits = s.limits();
        if (limits.concurrency() == 0) {
            return Fact.notCollected("The load test", "run with --concurrency N (up to 1000).");
        }
        if (served.isEmpty()) {
            return Fact.unavailable(new Unavailable("InvalidResponse", "GET /product/{id}",
                    "The load test was not run: no GET /product/{id} gave a valid product, so it would measure "
                            + "nothing but errors."));
        }
        if (app.givenUp()) {
            return Fact.unavailable(new Unavailable("Timeout", "GET /product/{id}",
                    "The load test was not run: the app stopped answering earlier in the probe."));
        }
        Duration warmup = Duration.ofMillis(Math.min(1000, limits.loadDuration().toMillis() / 5));
        Duration room = total.remaining().minus(limits.requestTimeout()).minus(warmup).minusMillis(700);
        Duration duration = room.compareTo(limits.loadDuration()) < 0 ? room : limits.loadDuration();
        if (duration.toMillis() < 500) {
            return Fact.unavailable(new Unavailable("Timeout", null, "The load test was not run: the probe's time "
                    + "budget ran out before it; run with a larger --budget."));
        }
        List<java.net.URI> targets = served.stream().map(id -> app.dial("/product/" + id)).toList();
        return Fact.of(new LoadGenerator(targets, limits.concurrency()).warmup(warmup).duration(duration)
                .maxRequests(Math.min(500_000L, limits.concurrency() * 2000L))
                .requestTimeout(limits.requestTimeout()).connectTimeout(limits.connectTimeout()).run());
    }
}
