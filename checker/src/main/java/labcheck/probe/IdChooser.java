package labcheck.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks product ids the app has most likely never cached: random ids away from the five
 * named products a student tries by hand, confirmed absent with EXISTS when Redis is
 * readable from here.
 */
final class IdChooser {

    private IdChooser() {
    }

    static List<Integer> candidates(Limits limits, DbReader db, RedisReader redis, List<String> notes) {
        int hi = limits.maxProductId();
        if (db != null) {
            try {
                long max = db.maxProductId();
                if (max > 0) {
                    hi = (int) Math.min(Integer.MAX_VALUE, max);
                }
            } catch (java.sql.SQLException e) {
                notes.add("The database's highest product id could not be read (" + e.getMessage()
                        + "); ids were chosen up to " + hi + ".");
            }
        }
        int lo = hi > 50 ? 6 : 1;
        SplittableRandom rnd = new SplittableRandom(System.nanoTime());
        int wanted = Math.min(hi - lo + 1, limits.lazyIds() * 6);
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < wanted) {
            picked.add(lo + rnd.nextInt(hi - lo + 1));
        }
        if (redis == null) {
            notes.add("Redis could not be read from here, so the lazy-loading ids were chosen at random from "
                    + lo + ".." + hi + " (unlikely to be cached) instead of confirmed uncached with EXISTS.");
            return List.copyOf(picked);
        }
        List<Integer> uncached = new ArrayList<>();
        try {
            for (int id : picked) {
                if (!redis.exists("product:" + id)) {
                    uncached.add(id);
                }
            }
        } catch (RuntimeException e) {
            notes.add("EXISTS failed while choosing ids (" + e.getMessage() + "); ids were not confirmed uncached.");
            return List.copyOf(picked);
        }
        if (uncached.size() < picked.size()) {
            notes.add((picked.size() - uncached.size()) + " randomly chosen ids were already cached and were skipped.");
        }
        return uncached;
    }
}
