package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The lazy-loading probe: ids that were not cached, each requested twice.
 *
 * @param observations    one per id
 * @param idsVerifiedUncached true when Redis confirmed each id absent beforehand; false when the
 *                        ids were only chosen to be unlikely cached (Redis unreachable from here)
 * @param totalHits       HIT answers seen over the whole probe (all phases, both windows)
 * @param totalMisses     MISS answers seen over the whole probe
 * @param allCached       when every id labcheck chose was already cached before its first request (no
 *                        cold id, so the observations are of cached products): how many were chosen and
 *                        from which range; null when cold ids were found
 * @param keysReset       the app's product keys labcheck deleted to observe the miss path (only with the
 *                        rubric's {@code resetCachedProductKeys: true}); empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LazyLoadProbe(List<ProductObservation> observations, boolean idsVerifiedUncached,
                            int totalHits, int totalMisses, AllCached allCached, List<String> keysReset) {

    public LazyLoadProbe {
        observations = List.copyOf(observations);
        keysReset = keysReset == null ? List.of() : List.copyOf(keysReset);
    }

    /** Observations of ids not yet cached, as the probe usually makes them. */
    public LazyLoadProbe(List<ProductObservation> observations, boolean idsVerifiedUncached, int totalHits,
                         int totalMisses) {
        this(observations, idsVerifiedUncached, totalHits, totalMisses, null, List.of());
    }

    /** These observations with the probe's HIT/MISS totals. */
    public LazyLoadProbe withTotals(int hits, int misses) {
        return new LazyLoadProbe(observations, idsVerifiedUncached, hits, misses, allCached, keysReset);
    }

    /**
     * Every id labcheck chose (at random, away from the ids a student tries by hand) was cached
     * before its first request.
     *
     * @param chosen how many ids were chosen
     * @param lowest the lowest id they were chosen from
     * @param highest the highest
     */
    public record AllCached(int chosen, int lowest, int highest) {
    }

    /** Whether no miss could be observed: every product was cached before the first request. */
    public boolean noMissPath() {
        return allCached != null;
    }

    /** What made the miss path unobservable, as a reason: what labcheck saw, with the key pattern. */
    public String describeNoMissPath(String key) {
        return "no miss path observed: every product was cached before the first request (all " + allCached.chosen()
                + " ids labcheck chose at random from " + allCached.lowest() + "-" + allCached.highest() + " were in"
                + " Redis as " + key + " before it asked for them, so no request could miss)";
    }

    /** Whether any observation carries labcheck's own reads of Redis or the database, beyond the app's labels. */
    public boolean evidenced() {
        return observations.stream().anyMatch(o -> o.firstTrace() != null && o.firstTrace().served() != null);
    }

    /** One sentence on what each request's MISS or HIT was decided on, and so how far to trust it. */
    public String basis() {
        return basis(RequestTrace.LAB_KEY);
    }

    /** {@link #basis()} naming the app's own key pattern. */
    public String basis(String keyName) {
        boolean key = observations.stream().anyMatch(o -> o.firstTrace() != null && o.firstTrace().keyBefore() != null);
        boolean db = observations.stream().anyMatch(o -> o.firstTrace() != null && o.firstTrace().selects() != null);
        if (key && db) {
            return "MISS/HIT decided on labcheck's own reads (Redis EXISTS " + keyName + " before and after each "
                    + "request, MySQL Com_select during it); the app's cache_status is a claim, compared.";
        }
        if (key) {
            return "MISS/HIT decided on Redis EXISTS " + keyName + " before and after each request; the database "
                    + "counters were not read (run with --db-url), so a hit that also queries MySQL is not seen here.";
        }
        if (db) {
            return "MISS/HIT decided on MySQL Com_select during each request; Redis was not read (run with "
                    + "--redis), so the key's presence is not corroborated.";
        }
        return "MISS/HIT decided on the app's own cache_status labels alone: Redis and the database were not "
                + "readable from here (run on the EC2 instance with --redis and --db-url to corroborate them).";
    }

    /** The first way an answer of the app broke the contract (HTML, invalid JSON, a timeout), or null. */
    public String firstProblem() {
        return observations.stream()
                .map(o -> o.first().problem() != null ? o.first().problem() : o.second().problem())
                .filter(p -> p != null).findFirst().orElse(null);
    }
}
