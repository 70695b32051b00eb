package labcheck.probe;

import java.util.List;

/**
 * The median of paired differences (no-cache minus cache, client-measured) with a 95%
 * confidence interval from order statistics (the sign-test interval): no assumption about
 * the shape of the latency distribution, and a few scheduler or network stalls move it
 * by one rank, not by their size.
 *
 * @param median the median saving in ms
 * @param low    lower end of the 95% interval
 * @param high   upper end of the 95% interval
 */
record PairedSaving(double median, double low, double high) {

    /** Pairs are {reported difference, client difference}; this reads the client one. */
    static PairedSaving of(List<double[]> pairs) {
        double[] d = pairs.stream().mapToDouble(p -> p[1]).sorted().toArray();
        int n = d.length;
        if (n == 0) {
            return new PairedSaving(0, 0, 0);
        }
        double half = 1.96 * Math.sqrt(n) / 2;
        int lo = (int) Math.floor(n / 2.0 - half);
        int hi = (int) Math.ceil(n / 2.0 + half);
        return new PairedSaving(median(d), d[Math.max(0, lo - 1)], d[Math.min(n - 1, hi - 1)]);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
