package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Extension 2, cache warming: before the probe sent any request of its own, which of the most
 * viewed products were already in Redis as {@code product:<id>} (read-only: one SELECT of the
 * ranking, one pipeline of EXISTS).
 *
 * <pre>{@code
 * w.presentAmongTop(100);   // how many of the 100 most viewed were cached
 * }</pre>
 *
 * @param endpoint the Redis host:port read (no credentials)
 * @param topIds   product ids by {@code views} descending, then id (as the seed's warm query orders them)
 * @param cached   one character per id in {@code topIds}: {@code 1} when its key existed, else {@code 0}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarmCacheProbe(String endpoint, List<Integer> topIds, String cached) {

    public WarmCacheProbe {
        topIds = List.copyOf(topIds);
        if (cached == null || cached.length() != topIds.size()) {
            throw new IllegalArgumentException("cached must hold one 0/1 per id in topIds");
        }
    }

    /** How many of the first {@code n} ids were cached (all of them when fewer were ranked). */
    public int presentAmongTop(int n) {
        int present = 0;
        for (int i = 0; i < Math.min(n, cached.length()); i++) {
            if (cached.charAt(i) == '1') {
                present++;
            }
        }
        return present;
    }

    /** What Redis held of the top {@code n} before the probe's first request, for the judge. */
    public String describe(int n) {
        List<Integer> missing = missingAmongTop(n, 10);
        return "Before the probe's first request, Redis " + endpoint + " held " + presentAmongTop(n) + " of the " + n
                + " most viewed products" + (missing.isEmpty() ? "" : "; not cached, among others: product:" + missing);
    }

    /** The first few of the top {@code n} ids that were not cached. */
    public List<Integer> missingAmongTop(int n, int limit) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, cached.length()) && out.size() < limit; i++) {
            if (cached.charAt(i) != '1') {
                out.add(topIds.get(i));
            }
        }
        return out;
    }
}
