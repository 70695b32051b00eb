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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LazyLoadProbe(List<ProductObservation> observations, boolean idsVerifiedUncached,
                            int totalHits, int totalMisses) {

    public LazyLoadProbe {
        observations = List.copyOf(observations);
    }
}
