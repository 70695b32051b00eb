package labcheck.probe;

import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.RequestTrace;

/**
 * Counts the cache app's HIT and MISS answers (its claims), overall and inside the {@code /stats}
 * window, the MISS answers in the window to requests that never reached Redis, and the probe's
 * own Redis lookups inside that window (which {@code /stats} also sees; the reader counts them).
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
    int windowBypasses;

    /** Counts a traced answer: a MISS to a request that never reached Redis is one Redis could not count. */
    void count(ProductAnswer a, RequestTrace t) {
        count(a);
        if (windowOpen && a.miss() && t != null && t.bypassedRedis()) {
            windowBypasses++;
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
