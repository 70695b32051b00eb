package labcheck.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A whole batch run, as {@code labcheck batch} does it: read the roster, grade this shard's
 * students (or regrade the stored evidence), then write marks.csv and summary.html.
 *
 * <pre>{@code
 * int exit = CohortBatch.run(new CohortBatch.Request(Path.of("roster.csv"), Path.of("results"),
 *         Shard.ALL, new BatchOptions(8, Duration.ofMinutes(5), false), false, null, System.getenv()),
 *         grading, Progress.auto(out), err);
 * }</pre>
 */
public final class CohortBatch {

    /**
     * @param roster              the roster file; may be null only with {@code regradeFromEvidence}
     * @param templates           a directory overriding the shipped templates, or null
     */
    public record Request(Path roster, Path out, Shard shard, BatchOptions options, boolean regradeFromEvidence,
                          Path templates, Map<String, String> env) {
    }

    private CohortBatch() {
    }

    /** Returns the exit code: 0 all full marks, 3 marks lost, 2 input error (bad roster rows too), 1 internal. */
    public static int run(Request req, Grading grading, Progress progress, PrintWriter err)
            throws IOException, InterruptedException {
        ResultStore store = new ResultStore(req.out(), "staging-" + req.shard().label());
        Roster roster = null;
        if (req.roster() != null) {
            try {
                roster = Roster.read(req.roster(), req.env());
            } catch (Roster.RosterException e) {
                err.println("labcheck batch: " + e.getMessage());
                return 2;
            }
            if (roster.entries().isEmpty() && roster.problems().isEmpty()) {
                err.println("labcheck batch: the roster " + req.roster() + " names no students. Fix: add one row per"
                        + " student under the header (student_id,name,region,profile,app_url,...).");
                return 2;
            }
        } else if (!req.regradeFromEvidence()) {
            err.println("labcheck batch: give a roster file (CSV or YAML), or --regrade-from-evidence to regrade "
                    + "the bundles already in " + req.out() + ".");
            return 2;
        }
        OutLock lock;
        try {
            lock = OutLock.acquire(req.out(), "batch", note -> err.println("labcheck batch: note: " + note));
        } catch (IllegalArgumentException busy) {
            err.println("labcheck batch: " + busy.getMessage());
            return 2;
        }
        try (lock) {
            return gradeAndWrite(req, store, roster, grading, progress, err);
        }
    }

    /** The run itself, once the roster is read and the results directory is this run's alone. */
    private static int gradeAndWrite(Request req, ResultStore store, Roster roster, Grading grading, Progress progress,
                                     PrintWriter err) throws IOException, InterruptedException {
        if (roster != null) {
            roster.problems().forEach(p -> err.println("labcheck batch: not graded: " + p.describe()));
            store.writeProblems(roster.problems());
        }
        Predicate<String> include = includeOf(roster, req.shard());
        BatchRunner runner = new BatchRunner(grading.grader(), grading.scorer(), grading.writer(), progress);
        BatchRunner.Summary done = req.regradeFromEvidence()
                ? runner.regradeFromEvidence(store, include)
                : runner.run(roster.entries().stream().filter(e -> req.shard().owns(e.studentId())).toList(),
                        store, req.options());
        done.writeFailures().forEach(f -> err.println("labcheck batch: " + f));
        done.refused().forEach(f -> err.println("labcheck batch: " + f));
        done.notes().forEach(f -> err.println("labcheck batch: note: " + f));
        if (done.fatal() != null) {
            err.println("labcheck batch: stopped: " + done.fatal() + " The students not yet graded were not stored;"
                    + " rerun the same command once the credentials are fixed and it goes on from there.");
        }
        List<RosterProblem> problems = roster != null ? roster.problems() : store.readProblems();
        Cohort cohort = Cohort.load(store, include, problems);
        new CohortFiles(req.templates()).write(cohort, req.out());
        err.println("labcheck batch: " + done.graded() + " graded, " + done.skipped() + " skipped; "
                + cohort.rows().size() + " student(s) in " + req.out().resolve(CohortFiles.MARKS) + " and "
                + req.out().resolve(CohortFiles.SUMMARY) + ".");
        err.flush();
        if (!done.writeFailures().isEmpty()) {
            return 1;
        }
        return done.fatal() != null || !done.refused().isEmpty() ? 2 : cohort.exitCode();
    }

    /** The students this run reports: the roster's (valid or not) in this shard, or every stored one in it. */
    static Predicate<String> includeOf(Roster roster, Shard shard) {
        if (roster == null) {
            return shard::owns;
        }
        Set<String> ids = new HashSet<>();
        roster.entries().forEach(e -> ids.add(e.studentId()));
        roster.problems().stream().filter(p -> p.studentId() != null).forEach(p -> ids.add(p.studentId()));
        return id -> ids.contains(id) && shard.owns(id);
    }
}
