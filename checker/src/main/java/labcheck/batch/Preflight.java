package labcheck.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;

/**
 * {@code labcheck batch --preflight}: every student's prerequisites, checked in parallel without probing
 * or grading, one line per student as each finishes and {@code preflight.csv} (one column per
 * {@link Prerequisite}, ok or the cause, and the fix) at the end. A student costs at most their budget:
 * a check still running then is abandoned and what it had not decided is marked so.
 *
 * <pre>{@code
 * int exit = Preflight.run(new Preflight.Request(Path.of("roster.csv"), Path.of("results"), Shard.ALL, 8,
 *         Duration.ofSeconds(20), System.getenv()), new LivePreflight(System.getenv()), out, err);
 * }</pre>
 */
public final class Preflight {

    public static final String FILE = "preflight.csv";
    /** What a check is given beyond its budget to notice it and return, before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    public record Request(Path roster, Path out, Shard shard, int jobs, Duration budget, Map<String, String> env) {
    }

    private Preflight() {
    }

    /** Returns the exit code: 0 every student ready, 3 some not, 2 an unusable roster, 1 the file not written. */
    public static int run(Request req, ReadinessCheck check, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Roster roster;
        try {
            roster = Roster.read(req.roster(), req.env(), true);
        } catch (Roster.RosterException e) {
            err.println("labcheck batch: " + e.getMessage());
            return 2;
        }
        if (roster.entries().isEmpty() && roster.problems().isEmpty()) {
            err.println("labcheck batch: the roster " + req.roster() + " names no students. Fix: add one row per"
                    + " student under the header (student_id,name,region,role_arn,external_id,...).");
            return 2;
        }
        List<Readiness> rows = new ArrayList<>();
        for (RosterProblem p : roster.problems()) {
            if (p.studentId() == null || req.shard().owns(p.studentId())) {
                Readiness r = new Readiness(p.studentId() == null ? "row " + p.row() : p.studentId(), null)
                        .failed(Prerequisite.ROSTER, p.describe(), "Fix the roster's row " + p.row() + ".");
                rows.add(r.skipRest("the roster row is unusable"));
                report(r, out);
            }
        }
        List<RosterEntry> students = roster.entries().stream().filter(e -> req.shard().owns(e.studentId())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(req.jobs(), students.size())));
        try {
            List<Future<Readiness>> futures = new ArrayList<>();
            for (RosterEntry student : students) {
                futures.add(pool.submit(() -> {
                    Readiness r = bounded(student, check, req.budget());
                    report(r, out);
                    return r;
                }));
            }
            for (Future<Readiness> f : futures) {
                rows.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long ready = rows.stream().filter(Readiness::ready).count();
        try {
            EvidenceBundle.writeAtomically(req.out().resolve(FILE), SecretGuard.cleaned(csv(rows), FILE));
        } catch (IOException e) {
            err.println("labcheck batch: could not write " + req.out().resolve(FILE) + ": " + e.getMessage());
            return 1;
        }
        err.println("labcheck batch: preflight: " + ready + " of " + rows.size() + " student(s) ready; each cause and"
                + " its fix are in " + req.out().resolve(FILE) + ". Nobody was graded.");
        err.flush();
        return ready == rows.size() ? 0 : 3;
    }

    /**
     * The check in a thread of its own, given the budget and a little grace to return; past that it is
     * interrupted and left, and every prerequisite it had not decided says the budget ran out.
     */
    static Readiness bounded(RosterEntry student, ReadinessCheck check, Duration budget) throws InterruptedException {
        Readiness r = new Readiness(student.studentId(), student.name()).ok(Prerequisite.ROSTER, null);
        Throwable[] crashed = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                check.check(student, budget, r);
            } catch (Exception | Error e) {
                crashed[0] = e;
            }
        }, "labcheck-preflight-" + student.studentId());
        t.setDaemon(true);
        t.start();
        t.join(budget.plus(GRACE).toMillis());
        if (t.isAlive()) {
            t.interrupt();
            return r.unfinished("not decided within the preflight budget of " + budget.toSeconds() + " s (the"
                    + " instance or AWS did not answer in time)", "Fix: check that the instance is running and"
                    + " reachable, or give more time with --preflight-budget.");
        }
        if (crashed[0] != null) {
            return r.unfinished("labcheck could not check this (" + crashed[0] + "); this is a labcheck bug, please"
                    + " report it", null);
        }
        return r;
    }

    private static void report(Readiness r, PrintWriter out) {
        synchronized (out) {
            out.println(r.ready() ? r.studentId() + ": ready."
                    : r.studentId() + ": not ready: " + String.join("; ", r.causes())
                    + (r.fix().isEmpty() ? "" : " " + r.fix()));
            out.flush();
        }
    }

    /** The file: a header, then one row per student sorted by id, each cell ok, n/a, skipped or the cause. */
    static String csv(List<Readiness> rows) {
        List<String> header = new ArrayList<>(List.of("student_id", "name", "ready"));
        for (Prerequisite p : Prerequisite.values()) {
            header.add(p.column());
        }
        header.add("fix");
        StringBuilder text = new StringBuilder(Csv.line(header)).append('\n');
        rows.stream().sorted(java.util.Comparator.comparing(Readiness::studentId)).forEach(r -> {
            List<String> cells = new ArrayList<>(List.of(r.studentId(), r.name() == null ? "" : r.name(),
                    r.ready() ? "yes" : "no"));
            for (Prerequisite p : Prerequisite.values()) {
                cells.add(r.cell(p).text());
            }
            cells.add(r.fix());
            text.append(Csv.line(cells)).append('\n');
        });
        return text.toString();
    }
}
