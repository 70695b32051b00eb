package labcheck.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.resps.ScanResult;

/**
 * Bounded searches of the keyspace, in every logical database {@code INFO keyspace} lists: the keys
 * named after a product id ({@code SCAN MATCH *<id>*}), or every key (to tell which appeared
 * during a request). SCAN moves no keyspace counter and blocks Redis for one step at a time. The
 * lab's Redis holds about 1005 keys; a student's may hold millions, so a search stops after
 * {@link #MAX_KEYS} keys or {@link #MAX_MILLIS} ms and says so.
 *
 * <pre>{@code
 * KeySearch.Result r = KeySearch.named(reader, 417);
 * r.keys();    // [db 1 product:v2:417]
 * r.bound();   // null, or "the search of db 0 stopped after 20000 of its 2000000 keys (labcheck's bound)"
 * }</pre>
 */
final class KeySearch {

    /** The most keys one search walks, over all databases. */
    static final int MAX_KEYS = 20_000;
    /** The longest one search takes. */
    static final long MAX_MILLIS = 1500;
    /** Keys asked per SCAN step. */
    static final int STEP = 1000;

    private KeySearch() {
    }

    /** A key in its logical database. */
    record DbKey(int db, String key) {
    }

    /**
     * Keys found, and why the search stopped early (or null).
     *
     * @param keys  the keys found, in the order SCAN returned them
     * @param bound why the search did not walk every key, or null
     */
    record Result(List<DbKey> keys, String bound) {
    }

    /** Keys whose name holds {@code id} as a whole number (so 417 in product:v2:417, not in product:4170). */
    static Result named(RedisReader redis, int id) {
        Result r = walk(redis, "*" + id + "*");
        Pattern token = token(id);
        return new Result(r.keys().stream().filter(k -> token.matcher(k.key()).find()).toList(), r.bound());
    }

    /** Every key, for a diff around one request. */
    static Result all(RedisReader redis) {
        return walk(redis, null);
    }

    /** The keys of {@code after} that {@code before} did not hold. */
    static List<DbKey> appeared(Result before, Result after) {
        Set<DbKey> old = new LinkedHashSet<>(before.keys());
        return after.keys().stream().filter(k -> !old.contains(k)).toList();
    }

    /** {@code id} as a whole number inside a key name. */
    static Pattern token(int id) {
        return Pattern.compile("(?<![0-9])" + id + "(?![0-9])");
    }

    /**
     * The prefix and suffix around {@code id} in {@code key} (its last occurrence as a whole
     * number), or null when the key does not name it.
     */
    static String[] around(String key, int id) {
        Matcher m = token(id).matcher(key);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        return start < 0 ? null : new String[] {key.substring(0, start), key.substring(end)};
    }

    private static Result walk(RedisReader redis, String match) {
        int home = redis.db();
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
        List<DbKey> found = new ArrayList<>();
        String bound = null;
        long walked = 0;
        try {
            for (Map.Entry<Integer, Long> db : redis.keyCounts().entrySet()) {
                redis.select(db.getKey());
                String cursor = "0";
                long here = 0;
                do {
                    if (walked >= MAX_KEYS || System.nanoTime() > deadline) {
                        String limit = walked >= MAX_KEYS ? MAX_KEYS + " keys" : MAX_MILLIS + " ms";
                        bound = "the search of db " + db.getKey() + " stopped after about "
                                + Math.min(here, db.getValue()) + " of its " + db.getValue() + " keys (labcheck's"
                                + " bound of " + limit + " per search)";
                        break;
                    }
                    ScanResult<String> step = redis.scan(cursor, match, STEP);
                    step.getResult().forEach(k -> found.add(new DbKey(db.getKey(), k)));
                    cursor = step.getCursor();
                    // a step walks about STEP keys of the table, whatever MATCH returns of them
                    here += STEP;
                    walked += STEP;
                } while (!"0".equals(cursor));
                if (bound != null) {
                    break;
                }
            }
        } finally {
            redis.select(home);
        }
        return new Result(List.copyOf(found), bound);
    }
}
