package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.LazyLoadProbe;
import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.ProductRow;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;
import labcheck.evidence.app.TimingCorroboration;
import labcheck.evidence.app.TimingProbe;

/** The probes on {@code GET /product/{id}}: lazy loading, the DB hit window, the timing comparison. */
final class ProductPhases {

    /** Cache-app requests in the window whose database selects are counted. */
    static final int HIT_WINDOW_REQUESTS = 20;

    private final ProbeSettings s;
    private final HttpProbe app;
    private final HttpProbe base;
    private final Tally tally;
    private final List<String> notes;
    private final Map<Integer, JsonNode> missProducts = new LinkedHashMap<>();
    private final Map<Integer, JsonNode> cached = new LinkedHashMap<>();
    private final List<ProductObservation> observations = new ArrayList<>();
    private LazyLoadProbe.AllCached allCached;
    private List<String> keysReset = List.of();
    private int highest;

    ProductPhases(ProbeSettings s, HttpProbe app, HttpProbe base, Tally tally, List<String> notes) {
        this.s = s;
        this.app = app;
        this.base = base;
        this.tally = tally;
        this.notes = notes;
    }

    /** Ids that answered a valid product at all (HIT or MISS), in probe order. */
    List<Integer> servedIds() {
        return List.copyOf(missProducts.keySet());
    }

    /** Ids whose second request answered HIT with a product, and that product. */
    Map<Integer, JsonNode> cachedProducts() {
        return cached;
    }

    /**
     * Requests each not-yet-cached id twice, traced; finds the app's key scheme on the first miss
     * when it is not the lab's; and when every id is already cached, either resets the app's keys
     * (the rubric's switch) or times and counts the hits all the same, saying no miss could be seen.
     */
    Fact<LazyLoadProbe> lazyLoad(IdChooser.Chosen chosen, ProductKeys keys, Tracer tracer, Deadline d) {
        highest = chosen.highest();
        boolean verified = keys.readable();
        List<Integer> queue = new ArrayList<>(chosen.uncached());
        if (verified && queue.isEmpty()) {
            queue = noColdId(chosen, chosen.picked(), keys);
        }
        int notFound = 0;
        HttpResult lastFailure = null;
        while (!queue.isEmpty()) {
            if (observations.size() >= s.limits().lazyIds() || d.expired() || app.givenUp()) {
                break;
            }
            int id = queue.remove(0);
            keys.beforeRequest();
            Tracer.Mark m1 = tracer.before(id);
            HttpResult r1 = app.get("/product/" + id, d);
            RequestTrace t1 = tracer.active() ? tracer.after(id, m1) : null;
            if (r1.unreachable()) {
                return Fact.unavailable(new Unavailable("Unreachable", "GET /product/{id}",
                        "GET /product/" + id + ": " + r1.failure() + "."));
            }
            ProductReader.Read first = ProductReader.read(id, r1);
            tally.count(first.answer(), t1);
            if (r1.status() == 404) {
                notFound++;
                continue;
            }
            if (!r1.answered()) {
                lastFailure = r1;
            }
            ProductKeys.Next next = keys.afterRequest(id, t1, first.product());
            if (next == ProductKeys.Next.RESCHEME) {
                notes.add("The app does not cache products as product:<id> in db 0: labcheck found " + keys.scheme()
                        .describe() + ", and read the product keys there; its request for product " + id + " served to"
                        + " find them and is not graded.");
                queue = uncachedOf(queue, chosen, keys);
                continue;
            }
            if (next == ProductKeys.Next.DIFF_NEXT) {
                continue;
            }
            observe(id, first, r1, t1, verified, tracer, d);
        }
        if (notFound > 0) {
            notes.add(notFound + " probed ids answered 404 and were skipped (does the database hold "
                    + s.limits().maxProductId() + " products?).");
        }
        if (observations.isEmpty()) {
            String why = lastFailure != null ? lastFailure.failure()
                    : notFound > 0 ? "every probed id answered 404" : "the probe's time budget ran out";
            return Fact.unavailable(new Unavailable(lastFailure != null ? lastFailure.unavailableCode()
                    : "InvalidResponse", "GET /product/{id}", "No product could be probed: " + why + "."));
        }
        return Fact.of(new LazyLoadProbe(observations, verified, 0, 0, allCached, keysReset));
    }

    /** The second request of an id whose first was {@code first}, and the observation of both. */
    private void observe(int id, ProductReader.Read first, HttpResult r1, RequestTrace t1, boolean verified,
                         Tracer tracer, Deadline d) {
        ProductReader.Read second = first;
        RequestTrace t2 = t1;
        if (r1.answered()) {
            Tracer.Mark m2 = tracer.before(id);
            second = ProductReader.read(id, app.get("/product/" + id, d));
            t2 = tracer.active() ? tracer.after(id, m2) : null;
            tally.count(second.answer(), t2);
        }
        boolean same = Json.sameProduct(first.product(), second.product());
        Boolean before = t1 != null && t1.keyBefore() != null ? t1.keyBefore() : verified ? Boolean.FALSE : null;
        observations.add(new ProductObservation(id, before, first.answer(), second.answer(), same, t1, t2));
        if (first.product() != null) {
            missProducts.put(id, first.product());
        }
        if (servedFromCache(second.answer(), t2) && second.product() != null) {
            cached.put(id, second.product());
        }
    }

    /** The ids of {@code queue} not cached under the scheme just found; when none is, what no cold id leaves. */
    private List<Integer> uncachedOf(List<Integer> queue, IdChooser.Chosen chosen, ProductKeys keys) {
        try {
            List<Integer> cold = keys.uncached(queue);
            return cold.isEmpty() ? noColdId(chosen, queue, keys) : new ArrayList<>(cold);
        } catch (RuntimeException e) {
            notes.add("EXISTS failed while checking the remaining ids under the app's keys (" + e.getMessage()
                    + "); they were requested as chosen.");
            return queue;
        }
    }

    /**
     * Every id chosen is cached already: with the rubric's switch, deletes the keys of a few of them
     * (only keys holding that product) and returns those ids to observe cold; without it, returns the
     * cached ids to observe as they are, and records that no miss could be seen.
     */
    private List<Integer> noColdId(IdChooser.Chosen chosen, List<Integer> cachedIds, ProductKeys keys) {
        if (cachedIds.isEmpty()) {
            return new ArrayList<>();
        }
        if (s.limits().resetKeys()) {
            try {
                keysReset = keys.reset(cachedIds, s.limits().lazyIds());
            } catch (RuntimeException e) {
                notes.add("Resetting the app's product keys failed (" + e.getMessage() + "); the cached products were"
                        + " observed as they were.");
            }
            if (!keysReset.isEmpty()) {
                notes.add("Every product id labcheck chose was already cached, and the rubric allows resetting them"
                        + " (resetCachedProductKeys: true): labcheck deleted " + keysReset + " (keys that held those"
                        + " products) to observe the miss path; the app cached them again as it served them.");
                return new ArrayList<>(cachedIds.stream().filter(id -> keysReset.contains(keys.key(id))).toList());
            }
        }
        allCached = new LazyLoadProbe.AllCached(chosen.picked().size(), chosen.lowest(), chosen.highest());
        return new ArrayList<>(cachedIds);
    }

    /** Whether a request was served while its key was cached: Redis's word first, else the app's label. */
    private static boolean servedFromCache(ProductAnswer a, RequestTrace t) {
        RequestTrace.Served served = t == null ? null : t.served();
        return served == null ? a.hit() : served.fromCache();
    }

    /** The lazy-load evidence with the HIT/MISS totals of the whole probe filled in. */
    Fact<LazyLoadProbe> withTotals(Fact<LazyLoadProbe> lazy) {
        return lazy.map(l -> l.withTotals(tally.hits, tally.misses));
    }

    Fact<DatabaseProbe> hitWindow(DbReader db, String url, Tracer tracer, Deadline d) {
        try {
            long count = db.productCount();
            if (cached.isEmpty() || app.givenUp()) {
                return Fact.of(new DatabaseProbe(url, count, 0, 0, 0, 0, 0, tracer.readsRedis(), rows(db)));
            }
            long[] c0 = db.counters();
            long[] c1 = db.counters();
            long[] w0 = db.counters();
            List<Integer> ids = List.copyOf(cached.keySet());
            boolean fromRedis = tracer.readsRedis();
            int hits = 0;
            for (int i = 0; i < HIT_WINDOW_REQUESTS && !d.expired() && !app.givenUp(); i++) {
                int id = ids.get(i % ids.size());
                // EXISTS is no database statement, so it leaves the window's Com_select alone
                Boolean cachedNow = fromRedis ? tracer.exists(id) : null;
                ProductAnswer a = ProductReader.read(id, app.get("/product/" + id, d)).answer();
                tally.count(a);
                if (cachedNow != null ? cachedNow && a.httpStatus() == 200 : a.hit()) {
                    hits++;
                }
            }
            long[] w1 = db.counters();
            // after the window: reading the rows is a SELECT of the probe's own
            return Fact.of(new DatabaseProbe(url, count, hits, w1[0] - w0[0], w1[1] - w0[1], c1[0] - c0[0],
                    c1[1] - c0[1], fromRedis && tracer.readsRedis(), rows(db)));
        } catch (SQLException | RuntimeException e) {
            return Fact.unavailable(new Unavailable("ServiceError", "mysql:" + url,
                    "Reading the database failed (" + e.getMessage() + "); the read-only user needs SELECT on "
                            + "products and may need PROCESS for SHOW GLOBAL STATUS."));
        }
    }

    /**
     * The database's rows of the ids the lazy-loading probe asked for, what a right answer carries;
     * null (with a note) when they cannot be read, and the answers are then compared with each other.
     */
    private List<ProductRow> rows(DbReader db) {
        try {
            return db.rows(observations.stream().map(ProductObservation::id).distinct().toList());
        } catch (SQLException | RuntimeException e) {
            notes.add("The products' rows could not be read (" + e.getMessage() + "), so each answer was compared"
                    + " with the answers for other ids instead of the database.");
            return null;
        }
    }

    Fact<TimingProbe> timing(Deadline d) {
        List<Integer> ids = List.copyOf(!cached.isEmpty() ? cached.keySet() : missProducts.keySet());
        if (ids.isEmpty()) {
            return Fact.unavailable(new Unavailable("InvalidResponse", "GET /product/{id}",
                    "The timing comparison was not run: no GET /product/{id} on the cache app gave a product."));
        }
        Samples appS = new Samples();
        Samples baseS = new Samples();
        List<double[]> pairs = new ArrayList<>();
        int planned = s.limits().warmupPerApp() + s.limits().requestsPerApp();
        // a noisy host may leave the paired saving's interval straddling zero: then keep sampling,
        // up to three times N, while the budget lasts, rather than call an honest app inconclusive
        int ceiling = s.limits().warmupPerApp() + 3 * s.limits().requestsPerApp();
        PairClient client = new PairClient(s, app, base, notes);
        // timed on the instance, a quarter of the time is kept for labcheck's own sample through the tunnel
        Deadline forPairs = s.apps().timer() != null ? d.share(0.75) : d;
        boolean cut = false;
        int i = 0;
        while (i < ceiling) {
            if (i >= planned && conclusive(pairs)) {
                break;
            }
            int end = i < planned ? planned : Math.min(ceiling, i + 20);
            List<HttpResult[]> sent = client.pairs(ids, i, end, forPairs);
            for (HttpResult[] ab : sent) {
                boolean counted = i >= s.limits().warmupPerApp();
                double[] a = one(ab[0], ids.get(i % ids.size()), appS, counted, true);
                double[] b = one(ab[1], ids.get(i % ids.size()), baseS, counted, false);
                if (a != null && b != null) {
                    pairs.add(new double[] {b[0] - a[0], b[1] - a[1]});
                }
                i++;
            }
            if (i < end) {
                cut = i < planned;
                break;
            }
        }
        if (baseS.unreachable != null && baseS.client.isEmpty()) {
            return Fact.unavailable(new Unavailable("Unreachable", "GET baseline /product/{id}",
                    "The no-cache app at " + labcheck.evidence.SafeUrl.strip(base.url()) + " could not be reached: "
                            + baseS.unreachable + "."));
        }
        if (cut) {
            notes.add("The timing comparison stopped early (time budget or an app that stopped answering): "
                    + appS.client.size() + " app and " + baseS.client.size() + " baseline requests were counted.");
        }
        var appClient = Latencies.ofMillis(appS.clientArray());
        var baseClient = Latencies.ofMillis(baseS.clientArray());
        var appRep = Latencies.ofMillis(appS.reportedArray());
        var baseRep = Latencies.ofMillis(baseS.reportedArray());
        PairedSaving measured = PairedSaving.of(pairs);
        // as the comparison itself, up to three times N while the tunnel's sample stays inconclusive
        TimingCorroboration corroboration = client.corroborate(ids, s.limits().warmupPerApp(), measured.median(),
                3 * s.limits().requestsPerApp(), d, (r, id) -> tally.count(ProductReader.read(id, r).answer()));
        double reportedPaired = PairedSaving.median(pairs.stream().mapToDouble(p -> p[0]).sorted().toArray());
        Set<String> problems = new LinkedHashSet<>(appS.problems);
        problems.addAll(baseS.problems);
        return Fact.of(TimingProbe.builder().requestsPerApp(appS.client.size() + appS.failures)
                .warmupPerApp(s.limits().warmupPerApp()).ids(ids).appReported(appRep)
                .baselineReported(baseRep).appClient(appClient).baselineClient(baseClient)
                .reportedSavingMs(Latencies.round(baseRep.mean() - appRep.mean()))
                .pairs(pairs.size()).reportedPairedSavingMs(Latencies.round(reportedPaired))
                .measuredSavingMs(Latencies.round(measured.median()))
                .measuredSavingLowMs(Latencies.round(measured.low()))
                .measuredSavingHighMs(Latencies.round(measured.high())).appFailures(appS.failures)
                .baselineFailures(baseS.failures).problems(problems.stream().limit(4).toList())
                .clientAt(client.where()).corroboration(corroboration).build());
    }

    /** Whether the pairs already confirm a saving, or already show one far below the reported saving. */
    private static boolean conclusive(List<double[]> pairs) {
        PairedSaving m = PairedSaving.of(pairs);
        double reported = PairedSaving.median(pairs.stream().mapToDouble(p -> p[0]).sorted().toArray());
        return m.low() > 0 || m.high() < 0.5 * reported;
    }

    /** One answer; returns {reported, client} ms when it counted and gave a valid answer, else null. */
    private double[] one(HttpResult r, int id, Samples into, boolean counted, boolean isApp) {
        ProductReader.Read read = ProductReader.read(id, r);
        if (isApp) {
            tally.count(read.answer());
        }
        if (!counted) {
            return null;
        }
        ProductAnswer a = read.answer();
        if (r.unreachable()) {
            into.unreachable = r.failure();
        }
        if (r.status() == 200 && a.reportedMs() != null && read.product() != null) {
            into.client.add(a.clientMs());
            into.reported.add(a.reportedMs());
            return new double[] {a.reportedMs(), a.clientMs()};
        } else {
            into.failures++;
            if (into.problems.size() < 3) {
                into.problems.add((isApp ? "cache app: " : "no-cache app: ")
                        + (a.problem() != null ? a.problem() : "HTTP " + r.status()));
            }
            return null;
        }
    }

    /**
     * What each observed id's key holds after the probe, read with the command its type needs;
     * and, when some id was never cached, which ids have a key at all (the coverage).
     */
    Fact<RedisKeysProbe> redisKeys(RedisReader redis, ProductKeys keyNames) {
        List<RedisKeysProbe.KeyState> keys = new ArrayList<>();
        try {
            for (ProductObservation o : observations) {
                String key = keyNames.key(o.id());
                StoredValue v = StoredValue.read(redis, key);
                long ttl = redis.ttl(key);
                keys.add(new RedisKeysProbe.KeyState(o.id(), key, v.exists(), ttl, v.holds(missProducts.get(o.id())),
                        v.shown(300), v.exists() ? v.type() : null, v.problem()));
            }
            boolean neverCached = keys.stream().anyMatch(k -> !k.exists());
            return Fact.of(new RedisKeysProbe(redis.endpoint(), keys, neverCached ? keyNames.coverage(highest) : null));
        } catch (RuntimeException e) {
            return Fact.unavailable(redis.unreachable(e));
        }
    }

    /** Samples of one app in the timing comparison. */
    private static final class Samples {
        final List<Double> client = new ArrayList<>();
        final List<Double> reported = new ArrayList<>();
        final Set<String> problems = new LinkedHashSet<>();
        int failures;
        String unreachable;

        double[] clientArray() {
            return client.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] reportedArray() {
            return reported.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
