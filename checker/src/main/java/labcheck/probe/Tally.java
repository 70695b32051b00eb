package labcheck.probe;

import labcheck.evidence.app.ProductAnswer;

/**
 * Counts the cache app's HIT and MISS answers (its claims), overall and inside the {@code /stats}
 * window, and the probe's own Redis lookups inside that window (which {@code /stats} also sees).
 */
final class Tally {

    int hits;
    int misses;
    int windowHits;
    int windowMisses;
    int windowUnknown;
    boolean windowOpen;
    int probeHits;
    int probeMisses;

    /** Counts one of the probe's own EXISTS: Redis counts it as a keyspace hit or miss. */
    void lookup(boolean existed) {
        if (windowOpen) {
            if (existed) {
                probeHits++;
            } else {
                probeMisses++;
            }
        }
    }

    void count(ProductAnswer a) {
        if (a.hit()) {
            hits++;
        } else if (a.miss()) {
            misses++;
        }
        if (windowOpen) {
            if (a.hit()) {
                windowHits++;
            } else if (a.miss()) {
                windowMisses++;
            } else if (a.httpStatus() != 0) {
                windowUnknown++;
            }
        }
    }
}
