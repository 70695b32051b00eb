package labcheck.probe;

import java.time.Duration;

/** A point in time no probe step may run past; slices give each phase its own share. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return System.nanoTime() >= endNanos;
    }

    /** {@code d}, or what is left if less. */
    Duration cap(Duration d) {
        Duration left = remaining();
        return d.compareTo(left) < 0 ? d : left;
    }

    /** A deadline {@code d} from now, never past this one. */
    Deadline slice(Duration d) {
        return new Deadline(Math.min(endNanos, System.nanoTime() + d.toNanos()));
    }

    /** A share of what is left: {@code fraction} of the remaining time. */
    Deadline share(double fraction) {
        return slice(Duration.ofNanos((long) (remaining().toNanos() * fraction)));
    }
}
