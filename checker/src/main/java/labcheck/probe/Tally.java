package labcheck.probe;

import labcheck.evidence.app.ProductAnswer;

/** Counts the cache app's HIT and MISS answers, overall and inside the {@code /stats} window. */
final class Tally {

    int hits;
    int misses;
    int windowHits;
    int windowMisses;
    int windowUnknown;
    boolean windowOpen;

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
