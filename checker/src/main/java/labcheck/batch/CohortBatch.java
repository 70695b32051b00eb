package labcheck.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import labcheck.seal.Seal;

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
     * @param collectOnly         the run only collects AWS evidence ({@code --collect-only}): it may replace a
     *                            stored snapshot, which a grading run never does
     * @param seal                how the student folders and the cohort are sealed ({@code --sign KEY})
     */
    public record Request(Path roster, Path out, Shard shard, BatchOptions options, boolean regradeFromEvidence,
                          Path templates, Map<String, String> env, boolean collectOnly, Seal seal) {

        /** A run that grades, its results sealed without a signature. */
        public Request(Path roster, Path out, Shard shard, BatchOptions options, boolean regradeFromEvidence,
                       Path templates, Map<String, String> env) {
            this(roster, out, shard, options, regradeFromEvidence, templates, env, false, Seal.UNSIGNED);
        }
    }

    private CohortBatch() {
    }

    /** Returns the exit code: 0 all full marks, 3 marks lost, 2 input error (bad roster rows too), 1 internal. */
    public static int run(Request req, Grading grading, Progress progress, PrintWriter err)
            throws IOException, InterruptedException {
        ResultStore store = new ResultStore(req.out(), "staging-" + req.shard().label(), req.seal());
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
        List<RosterEntry> mine = roster == null ? List.of()
                : roster.entries().stream().filter(e -> req.shard().owns(e.studentId())).toList();
        List<String> snapshots = req.collectOnly() || req.regradeFromEvidence() ? List.of() : collected(store, mine);
        if (!snapshots.isEmpty()) {
            // the AWS evidence collected at the deadline is what the judges grade: a live run never replaces it
            err.println("labcheck batch: note: " + snapshots.size() + " student(s) hold AWS evidence collected with"
                    + " --collect-only (" + String.join(", ", snapshots.stream().limit(10).toList())
                    + (snapshots.size() > 10 ? ", ..." : "") + "), which this run leaves as it is. Fix: grade it with"
                    + " --regrade-from-evidence, or give a live run another --out.");
        }
        BatchRunner.Summary done = req.regradeFromEvidence()
                ? runner.regradeFromEvidence(store, include)
                : runner.run(mine.stream().filter(e -> !snapshots.contains(e.studentId())).toList(), store,
                        req.options());
        done.writeFailures().forEach(f -> err.println("labcheck batch: " + f));
        done.refused().forEach(f -> err.println("labcheck batch: " + f));
        done.notes().forEach(f -> err.println("labcheck batch: note: " + f));
        if (done.fatal() != null) {
            err.println("labcheck batch: stopped: " + done.fatal() + " The students not yet graded were not stored;"
                    + " rerun the same command once the credentials are fixed and it goes on from there.");
        }
        List<RosterProblem> problems = roster != null ? roster.problems() : store.readProblems();
        Cohort cohort = Cohort.load(store, include, problems);
        new CohortFiles(req.templates(), req.seal()).write(cohort, req.out());
        err.println("labcheck batch: " + done.graded() + " graded, " + done.skipped() + " skipped; "
                + cohort.rows().size() + " student(s) in " + req.out().resolve(CohortFiles.MARKS) + " and "
                + req.out().resolve(CohortFiles.SUMMARY) + ".");
        err.flush();
        if (!done.writeFailures().isEmpty()) {
            return 1;
        }
        return done.fatal() != null || !done.refused().isEmpty() ? 2 : cohort.exitCode();
    }

    /** Ids of {@code students} whose stored result is evidence only collected. */
    private static List<String> collected(ResultStore store, List<RosterEntry> students) {
        return students.stream().map(RosterEntry::studentId).filter(id -> {
            StudentRecord r = store.readOrNull(id);
            return r != null && r.status() == Status.COLLECTED;
        }).toList();
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
