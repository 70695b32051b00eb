package labcheck.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks product ids the app has most likely never cached: random ids away from the five
 * named products a student tries by hand, confirmed absent (EXISTS of their key under the app's
 * scheme) when Redis is readable from here.
 */
final class IdChooser {

    private IdChooser() {
    }

    /**
     * The ids picked at random, those of them not cached, and the range they came from.
     *
     * @param picked   every id picked, in order
     * @param uncached the picked ids whose key did not exist (all of them when Redis is not read)
     * @param lowest   the lowest id picked from
     * @param highest  the highest id picked from
     */
    record Chosen(List<Integer> picked, List<Integer> uncached, int lowest, int highest) {
    }

    /** The highest product id: the database's when readable, else the limits'. */
    static int highest(Limits limits, DbReader db, List<String> notes) {
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
        return hi;
    }

    static Chosen candidates(Limits limits, int hi, ProductKeys keys, List<String> notes) {
        int lo = hi > 50 ? 6 : 1;
        SplittableRandom rnd = new SplittableRandom(System.nanoTime());
        int wanted = Math.min(hi - lo + 1, limits.lazyIds() * 6);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < wanted) {
            chosen.add(lo + rnd.nextInt(hi - lo + 1));
        }
        List<Integer> picked = List.copyOf(chosen);
        if (!keys.readable()) {
            notes.add("Redis could not be read from here, so the lazy-loading ids were chosen at random from "
                    + lo + ".." + hi + " (unlikely to be cached) instead of confirmed uncached with EXISTS.");
            return new Chosen(picked, picked, lo, hi);
        }
        List<Integer> uncached;
        try {
            uncached = keys.uncached(picked);
        } catch (RuntimeException e) {
            notes.add("EXISTS failed while choosing ids (" + e.getMessage() + "); ids were not confirmed uncached.");
            return new Chosen(picked, picked, lo, hi);
        }
        if (uncached.size() < picked.size() && !uncached.isEmpty()) {
            notes.add((picked.size() - uncached.size()) + " randomly chosen ids were already cached and were skipped.");
        }
        return new Chosen(picked, new ArrayList<>(uncached), lo, hi);
    }
}
