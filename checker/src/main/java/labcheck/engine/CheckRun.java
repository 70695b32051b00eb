package labcheck.engine;

import labcheck.report.Outcome;

/**
 * How one check ran, before marks are applied.
 *
 * @param fraction the share of its marks earned: 1 when passed, the {@link PartialCredit}
 *                 fraction when partial, else 0
 * @param message  for a pass, what the check reported (or null); otherwise why it did not pass
 * @param details  the check's {@code details} report entries, joined by newlines, or null
 */
public record CheckRun(String id, Outcome outcome, double fraction, String message, String details) {
}
