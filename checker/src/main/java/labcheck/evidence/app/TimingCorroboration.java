package labcheck.evidence.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * How the client timings taken on the student's instance were held against labcheck's own
 * clock. The instance's {@code curl} is the student's (its shell, its {@code PATH}), so its
 * figures are claims: each must be a finite time within the loop's per-request bound, their sum
 * must fit in the wall time labcheck measured for the commands that took them, and a sample of
 * the same back-to-back pairs sent through the tunnel and timed by labcheck must show a saving
 * of the same sign and a compatible size (the tunnel adds about the same round trip to both
 * requests of a pair, so it cancels in their difference; docs/claims.md).
 *
 * @param values             timed answers the instance reported
 * @param outOfRange         of them, how many were not a finite time within 0 and {@code boundMs}
 * @param outOfRangeExamples a few of those, as the instance wrote them
 * @param boundMs            the loop's per-request bound ({@code curl -m})
 * @param claimedMs          the sum of the instance's times (the finite, non-negative ones)
 * @param wallMs             labcheck's own wall time of the commands that ran those requests
 * @param batchesOverWall    commands whose requests summed to more time than the command took
 * @param instanceSavingMs   median of the instance's paired differences, no-cache minus cache
 * @param tunnelPairs        pairs sent through the tunnel and timed by labcheck's clock
 * @param tunnelSavingMs     median of their paired differences, no-cache minus cache
 * @param tunnelSavingLowMs  lower end of its 95% interval (sign-test order statistics)
 * @param tunnelSavingHighMs upper end of that interval
 * @param problem            why the tunnel sample is missing or short, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingCorroboration(int values, int outOfRange, List<String> outOfRangeExamples, double boundMs,
                                  double claimedMs, double wallMs, int batchesOverWall, double instanceSavingMs,
                                  int tunnelPairs, double tunnelSavingMs, double tunnelSavingLowMs,
                                  double tunnelSavingHighMs, String problem) {

    public TimingCorroboration {
        outOfRangeExamples = outOfRangeExamples == null ? List.of() : List.copyOf(outOfRangeExamples);
    }

    /** The figures, for the judge. */
    public String describe() {
        return String.format(Locale.ROOT, "on-instance timings (the instance's curl, on a machine the student"
                        + " controls: claims) held against labcheck's clock: %d values, %d outside"
                        + " 0..%.0f ms%s; they sum to %.1f ms in commands labcheck timed at %.1f ms (%d over); the"
                        + " instance's paired saving %.3f ms; through the tunnel, timed by labcheck: %d pairs, saving"
                        + " %.3f ms (95%% CI %.3f to %.3f ms)%s", values, outOfRange, boundMs,
                outOfRangeExamples.isEmpty() ? "" : " " + outOfRangeExamples, claimedMs, wallMs, batchesOverWall,
                instanceSavingMs, tunnelPairs, tunnelSavingMs, tunnelSavingLowMs, tunnelSavingHighMs,
                problem == null ? "" : "; " + problem);
    }
}
