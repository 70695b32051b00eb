package labcheck.text;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The known name nearest a misspelt one, by edit distance, for a "did you mean" in a refusal.
 *
 * <pre>{@code
 * Nearest.within("ap", List.of("app", "baseline"), 2);   // Optional[app]
 * }</pre>
 */
public final class Nearest {

    private Nearest() {
    }

    /**
     * The known name closest to {@code word} (the first in sorted order on a tie), if at most
     * {@code maxDistance} edits away.
     */
    public static Optional<String> within(String word, Collection<String> known, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(known)) {
            int d = distance(word, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= maxDistance ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
