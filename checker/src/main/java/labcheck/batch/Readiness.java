package labcheck.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One student's readiness: for each {@link Prerequisite}, ok, not needed, skipped (an earlier one
 * failed), or the cause with its fix. Ready when none failed.
 *
 * <pre>{@code
 * Readiness r = new Readiness("s042", "Ada")
 *         .ok(Prerequisite.AWS_ACCESS, "arn:aws:sts::123456789012:assumed-role/labcheck-grading/labcheck-judge")
 *         .failed(Prerequisite.SSH_LOGIN, "sshd refused the key keys/s042.pem", "Fix: ...");
 * r.ready();   // false
 * }</pre>
 */
public final class Readiness {

    /** How one prerequisite stands. */
    public enum State { OK, NOT_NEEDED, SKIPPED, FAILED }

    /** One cell: its state, what the CSV shows, and (when failed) the fix. */
    public record Cell(State state, String text, String fix) {
    }

    private final String studentId;
    private final String name;
    private final Map<Prerequisite, Cell> cells = new EnumMap<>(Prerequisite.class);

    public Readiness(String studentId, String name) {
        this.studentId = studentId;
        this.name = name;
    }

    public String studentId() {
        return studentId;
    }

    public String name() {
        return name;
    }

    /** {@code note} says what was found (e.g. the identity), or null. */
    public synchronized Readiness ok(Prerequisite p, String note) {
        cells.put(p, new Cell(State.OK, note == null ? "ok" : "ok: " + note, null));
        return this;
    }

    public synchronized Readiness notNeeded(Prerequisite p, String why) {
        cells.put(p, new Cell(State.NOT_NEEDED, "n/a: " + why, null));
        return this;
    }

    public synchronized Readiness skipped(Prerequisite p, String because) {
        cells.put(p, new Cell(State.SKIPPED, "skipped: " + because, null));
        return this;
    }

    public synchronized Readiness failed(Prerequisite p, String cause, String fix) {
        cells.put(p, new Cell(State.FAILED, cause, fix));
        return this;
    }

    /** Each prerequisite not yet decided is marked with {@code why} (the student's budget ran out). */
    public synchronized Readiness unfinished(String why, String fix) {
        for (Prerequisite p : Prerequisite.values()) {
            cells.putIfAbsent(p, new Cell(State.FAILED, why, fix));
        }
        return this;
    }

    /** Each prerequisite not yet decided is skipped {@code because} of one that failed. */
    public synchronized Readiness skipRest(String because) {
        for (Prerequisite p : Prerequisite.values()) {
            cells.putIfAbsent(p, new Cell(State.SKIPPED, "skipped: " + because, null));
        }
        return this;
    }

    public synchronized Cell cell(Prerequisite p) {
        return cells.getOrDefault(p, new Cell(State.NOT_NEEDED, "n/a", null));
    }

    public synchronized boolean ready() {
        return cells.values().stream().noneMatch(c -> c.state() == State.FAILED);
    }

    /** Every failed prerequisite, as {@code column: cause}. */
    public synchronized List<String> causes() {
        List<String> causes = new ArrayList<>();
        cells.forEach((p, c) -> {
            if (c.state() == State.FAILED) {
                causes.add(p.column() + ": " + c.text());
            }
        });
        return causes;
    }

    /** The fixes of the failed prerequisites, in column order, each once. */
    public synchronized String fix() {
        List<String> fixes = new ArrayList<>();
        cells.values().stream().filter(c -> c.state() == State.FAILED && c.fix() != null)
                .map(Cell::fix).distinct().forEach(fixes::add);
        return String.join(" ", fixes);
    }
}
