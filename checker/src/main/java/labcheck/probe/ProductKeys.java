package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;
import labcheck.evidence.app.KeyScheme;
import labcheck.evidence.app.RedisKeysProbe;
import labcheck.evidence.app.RequestTrace;

/**
 * The app's product keys: the lab's {@code product:<id>} in db 0 until labcheck observes
 * otherwise. The cheap path comes first: a key of the lab's name appearing on a miss settles it
 * with no search at all. Otherwise labcheck looks, once and bounded ({@link KeySearch}), for keys
 * named after the id just requested, in every logical database; failing that, when a key was
 * added somewhere during the request, it lists every key around the next request and takes the
 * one that appeared. Read-only but for {@link #reset}, which only the rubric's switch calls.
 *
 * <pre>{@code
 * ProductKeys keys = new ProductKeys(reader, notes);
 * keys.beforeRequests(() -> List.of(523, 41, 900));   // a cache warmed under another name is found here
 * keys.key(42);                                 // "product:42", or "product:v2:42" once found
 * }</pre>
 */
final class ProductKeys {

    /** Candidate keys whose value is read to tell the app's product key from another key naming the id. */
    private static final int MAX_CANDIDATES = 5;
    /** Ids surveyed at most for coverage (every id from 1, in pipelines of {@link #SURVEY_STEP}). */
    static final int MAX_SURVEY = 20_000;
    private static final int SURVEY_STEP = 1000;

    private final RedisReader redis;
    private final List<String> notes;
    private KeyScheme scheme = KeyScheme.LAB_GUESS;
    private boolean searched;
    private boolean diffNext;
    private SortedMap<Integer, Long> countsBefore;
    private KeySearch.Result snapshot;

    /** @param redis the reader, or null when Redis is not readable from here (the lab's name is then assumed) */
    ProductKeys(RedisReader redis, List<String> notes) {
        this.redis = redis;
        this.notes = notes;
    }

    /** What to do with a request traced under the scheme as it was. */
    enum Next {
        /** Its trace stands. */
        KEEP,
        /** The scheme changed: the trace was of another key, so the request only served to find it. */
        RESCHEME,
        /** No key named after the id, but a key was added: list the keys around the next request. */
        DIFF_NEXT
    }

    KeyScheme scheme() {
        return scheme;
    }

    String key(int id) {
        return scheme.key(id);
    }

    /** Whether Redis is read at all. */
    boolean readable() {
        return redis != null;
    }

    /** Whether the scheme is still to be found by requests. */
    boolean searching() {
        return redis != null && !scheme.observed();
    }

    /**
     * Before the probe's first request: when Redis holds keys but none of {@code sample}'s
     * {@code product:<id>}, looks for keys named after the sample's ids (a cache warmed under
     * another name). Costs one INFO on an empty Redis: the sample is only asked for then.
     */
    void beforeRequests(Supplier<List<Integer>> sample) {
        try {
            lookBeforeRequests(sample);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void lookBeforeRequests(Supplier<List<Integer>> ids) {
        if (redis == null || redis.keyCounts().isEmpty()) {
            return;
        }
        List<Integer> sample = ids.get();
        List<String> lab = sample.stream().map(scheme::key).toList();
        boolean[] present = redis.existsAll(lab);
        for (int i = 0; i < present.length; i++) {
            StoredValue v = present[i] ? StoredValue.read(redis, lab.get(i)) : StoredValue.ABSENT;
            if (v.holdsId(sample.get(i))) {
                scheme = scheme.seen(KeyScheme.NAMED, lab.get(i), v.type());
                return;
            }
        }
        for (int id : sample.stream().filter(id -> id >= 10).limit(2).toList()) {
            if (found(id, null, KeyScheme.NAMED)) {
                notes.add("Before its first request labcheck found the app's product keys: " + scheme.describe() + ".");
                return;
            }
        }
    }

    /** Right before a request while the scheme is searched for: the key counts, and every key when diffing. */
    void beforeRequest() {
        if (!searching() || searched) {
            return;
        }
        try {
            if (countsBefore == null) {
                countsBefore = redis.keyCounts();
            }
            if (diffNext) {
                snapshot = KeySearch.all(redis);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** A search that failed is not tried again; the lab's name is kept, and the note says why. */
    private void failed(RuntimeException e) {
        searched = true;
        snapshot = null;
        notes.add("Looking for the app's product keys in Redis failed (" + e.getMessage() + "); the key checks look"
                + " for " + scheme.where() + ".");
    }

    /** After the first request of {@code id} (traced under the scheme as it was), and the product it served. */
    Next afterRequest(int id, RequestTrace t, JsonNode product) {
        if (!searching()) {
            return Next.KEEP;
        }
        try {
            return settle(id, t, product);
        } catch (RuntimeException e) {
            failed(e);
            return Next.KEEP;
        }
    }

    private Next settle(int id, RequestTrace t, JsonNode product) {
        if (t != null && Boolean.FALSE.equals(t.keyBefore()) && Boolean.TRUE.equals(t.keyAfter())) {
            scheme = scheme.seen(KeyScheme.APPEARED, key(id), redis.type(key(id)));
            return Next.KEEP;
        }
        if (searched) {
            return Next.KEEP;
        }
        if (snapshot != null) {
            return afterDiff(id, product);
        }
        if (found(id, product, KeyScheme.NAMED)) {
            searched = true;
            return Next.RESCHEME;
        }
        SortedMap<Integer, Long> countsAfter = redis.keyCounts();
        if (total(countsAfter) > total(countsBefore)) {
            diffNext = true;
            return Next.DIFF_NEXT;
        }
        searched = true;
        notes.add("No key was added to any Redis database during the first request for product " + id + " (INFO"
                + " keyspace " + countsAfter + " before and after), and no key is named after " + id + ", so the"
                + " app's product keys were not found; the key checks look for the lab's " + scheme.where() + ".");
        return Next.KEEP;
    }

    private Next afterDiff(int id, JsonNode product) {
        KeySearch.Result after = KeySearch.all(redis);
        List<KeySearch.DbKey> appeared = KeySearch.appeared(snapshot, after);
        String bound = after.bound() != null ? after.bound() : snapshot.bound();
        snapshot = null;
        searched = true;
        for (KeySearch.DbKey k : appeared) {
            String[] around = KeySearch.around(k.key(), id);
            if (around != null) {
                set(new KeyScheme(k.db(), around[0], around[1], null, KeyScheme.GUESS, null, bound), k.key(),
                        KeyScheme.APPEARED);
                return Next.RESCHEME;
            }
        }
        notes.add((appeared.isEmpty() ? "No key appeared in any Redis database during the request for product " + id
                : "During the request for product " + id + " the keys " + appeared.stream().limit(3)
                .map(k -> k.key() + " (db " + k.db() + ")").toList() + " appeared, but none names the id, so labcheck"
                + " cannot tell which key holds which product") + (bound == null ? "" : " (" + bound + ")")
                + "; the key checks look for the lab's " + scheme.where() + ".");
        return Next.KEEP;
    }

    /** Looks for a key named after {@code id} that holds that product; sets the scheme when found. */
    private boolean found(int id, JsonNode product, String how) {
        KeySearch.Result r = KeySearch.named(redis, id);
        int home = redis.db();
        try {
            for (KeySearch.DbKey k : r.keys().stream().limit(MAX_CANDIDATES).toList()) {
                redis.select(k.db());
                StoredValue v = StoredValue.read(redis, k.key());
                if (v.holds(product) || v.holdsId(id)) {
                    String[] around = KeySearch.around(k.key(), id);
                    set(new KeyScheme(k.db(), around[0], around[1], null, KeyScheme.GUESS, null, r.bound()), k.key(),
                            how);
                    return true;
                }
            }
        } finally {
            redis.select(scheme.observed() ? scheme.db() : home);
        }
        if (r.bound() != null) {
            scheme = scheme.bounded(r.bound());
        }
        return false;
    }

    private void set(KeyScheme found, String example, String how) {
        redis.select(found.db());
        scheme = found.seen(how, example, redis.type(example));
    }

    private static long total(SortedMap<Integer, Long> counts) {
        return counts == null ? 0 : counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The ids of {@code ids} whose key does not exist now (one EXISTS pipeline). */
    List<Integer> uncached(List<Integer> ids) {
        boolean[] present = redis.existsAll(ids.stream().map(this::key).toList());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    /**
     * Deletes the keys of at most {@code max} of {@code ids}, only those whose value holds the
     * product of that id (the app's product keys, by name and content), and returns them.
     */
    List<String> reset(List<Integer> ids, int max) {
        List<String> mine = new ArrayList<>();
        for (int id : ids) {
            if (mine.size() >= max) {
                break;
            }
            if (StoredValue.read(redis, key(id)).holdsId(id)) {
                mine.add(key(id));
            }
        }
        redis.delete(mine);
        return mine;
    }

    /** Which ids of 1..{@code highest} have a key now, or null when there are too many to survey. */
    RedisKeysProbe.Coverage coverage(int highest) {
        if (highest < 1 || highest > MAX_SURVEY) {
            return null;
        }
        boolean[] cached = new boolean[highest + 1];
        int count = 0;
        for (int from = 1; from <= highest; from += SURVEY_STEP) {
            List<String> keys = new ArrayList<>();
            for (int id = from; id < Math.min(highest + 1, from + SURVEY_STEP); id++) {
                keys.add(key(id));
            }
            boolean[] present = redis.existsAll(keys);
            for (int i = 0; i < present.length; i++) {
                cached[from + i] = present[i];
                count += present[i] ? 1 : 0;
            }
        }
        return new RedisKeysProbe.Coverage(highest, ranges(cached, true), ranges(cached, false),
                count);
    }

    /** The ids (indexes from 1) whose flag is {@code want}, as ranges: {@code 1-100, 417}. */
    static String ranges(boolean[] flags, boolean want) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < flags.length) {
            if (flags[i] != want) {
                i++;
                continue;
            }
            int start = i;
            while (i + 1 < flags.length && flags[i + 1] == want) {
                i++;
            }
            out.add(start == i ? String.valueOf(start) : start + "-" + i);
            i++;
        }
        return out.size() <= 12 ? String.join(", ", out)
                : String.join(", ", out.subList(0, 12)) + " and " + (out.size() - 12) + " more ranges";
    }
}
