package labcheck.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import labcheck.evidence.Evidence;
import labcheck.report.Scoresheet;

/**
 * Grades students in parallel, bounded by {@code jobs} and each student's time budget, and
 * commits each finished student to the {@link ResultStore} at once, so an interrupted run
 * keeps every student it finished.
 *
 * <pre>{@code
 * BatchRunner runner = new BatchRunner(grader, scorer, writer, Progress.auto(out));
 * BatchRunner.Summary s = runner.run(roster.entries(), store, new BatchOptions(8, Duration.ofMinutes(5), false));
 * }</pre>
 */
public final class BatchRunner {

    /**
     * What one run did; the cohort's marks are read back from the store.
     *
     * @param writeFailures results that could not be written (exit 1)
     * @param refused       students whose stored result was kept because the new one would hold less (exit 2)
     * @param notes         what a judge should know, e.g. a stored result kept over a timed-out regrade
     * @param fatal         why the run stopped early (AWS rejected the run's credentials), or null (exit 2)
     */
    public record Summary(int graded, int skipped, List<String> writeFailures, List<String> refused,
                          List<String> notes, String fatal) {
    }

    private final StudentGrader grader;
    private final Function<Evidence, Scoresheet> scorer;
    private final ScoresheetWriter writer;
    private final Progress progress;

    /**
     * @param scorer grades stored or partial evidence offline (the rubric's grader); used for
     *               {@link #regradeFromEvidence} and for students who time out or fail mid-way
     */
    public BatchRunner(StudentGrader grader, Function<Evidence, Scoresheet> scorer, ScoresheetWriter writer,
                       Progress progress) {
        this.grader = grader;
        this.scorer = scorer;
        this.writer = writer;
        this.progress = progress;
    }

    public Summary run(List<RosterEntry> students, ResultStore store, BatchOptions options)
            throws InterruptedException {
        store.cleanStaging();
        List<RosterEntry> todo = students.stream()
                .filter(s -> options.regrade() || !store.isFinished(s.studentId(), options.retryFailed())).toList();
        progress.start(todo.size(), students.size() - todo.size());
        HostQueue queue = new HostQueue(todo);
        Outcomes outcomes = new Outcomes();
        ExecutorService graders = Executors.newCachedThreadPool(daemon("labcheck-grader"));
        List<Thread> workers = new ArrayList<>();
        try {
            for (int i = 0; i < Math.min(options.jobs(), Math.max(1, todo.size())); i++) {
                Thread t = daemon("labcheck-batch").newThread(() -> work(queue, store, options, graders,
                        outcomes));
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
        } finally {
            workers.forEach(Thread::interrupt);
            graders.shutdownNow();
            progress.end();
        }
        return outcomes.summary(students.size() - todo.size());
    }

    /** What the workers report, shared between them. */
    private static final class Outcomes {
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger graded = new AtomicInteger();
        final AtomicReference<String> fatal = new AtomicReference<>();

        Summary summary(int skipped) {
            return new Summary(graded.get(), skipped, List.copyOf(failures), List.of(), List.copyOf(notes),
                    fatal.get());
        }
    }

    /** Regrades every complete stored bundle that {@code include} accepts, offline, with {@code scorer}. */
    public Summary regradeFromEvidence(ResultStore store, Predicate<String> include) {
        store.cleanStaging();
        List<String> ids = store.completedIds().stream().filter(include).toList();
        progress.start(ids.size(), 0);
        List<String> failures = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int graded = 0;
        for (String id : ids) {
            StudentRecord old = store.readOrNull(id);
            String started = Instant.now().toString();
            long t0 = System.nanoTime();
            StudentRecord record;
            Evidence evidence;
            try {
                evidence = store.readEvidence(id);
            } catch (RuntimeException unreadable) {
                // a truncated evidence.json must not replace the folder with one holding less
                refused.add(id + ": not regraded, its evidence cannot be read (" + StudentRecord.safeMessage(unreadable)
                        + "); kept the stored result. Fix: grade the student again with `labcheck batch --regrade`.");
                continue;
            }
            if (old == null) {
                old = new StudentRecord(id, null, 0, null, Status.ERROR, "the stored " + StudentRecord.FILE_NAME
                        + " could not be read; regraded from the evidence", null, 0, null);
            }
            try {
                record = old.regraded(scorer.apply(evidence));
            } catch (RuntimeException e) {
                record = new StudentRecord(id, old.name(), old.row(), old.account(), Status.ERROR,
                        "regrading failed: " + StudentRecord.safeMessage(e), old.started(), old.seconds(), null);
            }
            record = new StudentRecord(record.studentId(), record.name(), record.row(),
                    StudentRecord.accountOf(evidence) != null ? StudentRecord.accountOf(evidence) : old.account(),
                    record.status(), record.message(), started, (System.nanoTime() - t0) / 1e9, record.scoresheet());
            graded += commit(store, record, evidence, failures) ? 1 : 0;
            progress.finished(record);
        }
        progress.end();
        return new Summary(graded, 0, failures, refused, List.of(), null);
    }

    private void work(HostQueue queue, ResultStore store, BatchOptions options, ExecutorService graders,
                      Outcomes outcomes) {
        try {
            for (RosterEntry e = queue.take(); e != null; e = queue.take()) {
                try {
                    if (outcomes.fatal.get() != null) {
                        continue; // the run stops: drain the queue, releasing each host
                    }
                    progress.started(e);
                    Graded g = gradeOne(e, options, graders);
                    if (outcomes.fatal.get() != null) {
                        continue; // the run's credentials failed meanwhile: this result may be hollow too
                    }
                    StudentRecord kept = keptOver(store, g.record());
                    if (kept != null) {
                        outcomes.notes.add(e.studentId() + ": this run " + g.record().status().label()
                                + " (" + g.record().message() + "); kept the stored " + kept.status().label()
                                + " result, which holds more evidence.");
                    } else if (commit(store, g.record(), g.evidence(), outcomes.failures)) {
                        outcomes.graded.incrementAndGet();
                    }
                    progress.finished(g.record());
                } catch (CredentialsRejected fatal) {
                    outcomes.fatal.compareAndSet(null, fatal.getMessage());
                } finally {
                    queue.release(e);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stored result, when it was graded to the end and {@code fresh} was cut short: it holds more. */
    private static StudentRecord keptOver(ResultStore store, StudentRecord fresh) {
        if (fresh.status() != Status.TIMED_OUT && fresh.status() != Status.ERROR) {
            return null;
        }
        StudentRecord old = store.readOrNull(fresh.studentId());
        return old != null && (old.status() == Status.FULL_MARKS || old.status() == Status.MARKS_LOST) ? old : null;
    }

    private record Graded(StudentRecord record, Evidence evidence) {
    }

    /** When grading a student began: the wall-clock instant recorded, and the monotonic clock timing it. */
    private record Began(String at, long nanos) {

        static Began now() {
            return new Began(Instant.now().toString(), System.nanoTime());
        }

        double seconds() {
            return (System.nanoTime() - nanos) / 1e9;
        }
    }

    private Graded gradeOne(RosterEntry e, BatchOptions options, ExecutorService graders)
            throws InterruptedException {
        Deadline deadline = Deadline.in(options.budget());
        Began t0 = Began.now();
        CountDownLatch returned = new CountDownLatch(1);
        Future<StudentResult> future = graders.submit(() -> {
            try {
                return grader.grade(e, deadline);
            } finally {
                returned.countDown();
            }
        });
        try {
            StudentResult r = future.get(deadline.remaining().toNanos() + 1, TimeUnit.NANOSECONDS);
            if (r == null) {
                return partial(e, deadline, Status.ERROR, "grading failed: the grader returned no result", t0);
            }
            Scoresheet sheet = r.scoresheet();
            return new Graded(record(e, r.evidence(), StudentRecord.statusOf(sheet), null, t0, sheet), r.evidence());
        } catch (TimeoutException overrun) {
            future.cancel(true);
            // The host stays reserved until the grader has really stopped measuring it (or the grace ends).
            returned.await(BatchOptions.GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return partial(e, deadline, Status.TIMED_OUT, "the time budget of " + seconds(options)
                    + " ran out; graded on the evidence collected until then", t0);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof CredentialsRejected fatal) {
                throw fatal;
            }
            return partial(e, deadline, Status.ERROR, "grading failed: "
                    + StudentRecord.safeMessage(failed.getCause()) + "; graded on the evidence collected until then",
                    t0);
        } catch (InterruptedException stop) {
            future.cancel(true);
            throw stop;
        }
    }

    private Graded partial(RosterEntry e, Deadline deadline, Status status, String why, Began t0) {
        Evidence soFar = deadline.lastCheckpoint();
        Evidence evidence = (soFar != null ? soFar : Evidence.empty(e.subject("none"), Instant.now().toString()))
                .withNote(why + ".");
        Scoresheet sheet;
        String message = why;
        try {
            sheet = scorer.apply(evidence);
        } catch (RuntimeException scoring) {
            sheet = null;
            message = why + "; scoring that evidence failed too: " + StudentRecord.safeMessage(scoring);
        }
        return new Graded(record(e, evidence, status, message, t0, sheet), evidence);
    }

    private static StudentRecord record(RosterEntry e, Evidence evidence, Status status, String message, Began t0,
                                        Scoresheet sheet) {
        return new StudentRecord(e.studentId(), e.name(), e.row(), StudentRecord.accountOf(evidence), status,
                message, t0.at(), t0.seconds(), sheet);
    }

    private boolean commit(ResultStore store, StudentRecord record, Evidence evidence, List<String> failures) {
        try {
            store.commit(record, evidence, writer);
            return true;
        } catch (IOException | RuntimeException e) {
            failures.add(record.studentId() + ": could not write the result: " + StudentRecord.safeMessage(e));
            return false;
        }
    }

    private static String seconds(BatchOptions options) {
        return options.budget().toMillis() % 1000 == 0 ? options.budget().toSeconds() + " s"
                : options.budget().toMillis() + " ms";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
