package labcheck.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import labcheck.seal.Seal;

/**
 * Joins the results directories of several shards into one, then writes marks.csv and
 * summary.html there: the same files an unsharded run writes, since both are built from the
 * stored results sorted by student id.
 *
 * <pre>{@code
 * int exit = CohortMerge.merge(List.of(Path.of("shard-1"), Path.of("shard-2")), Path.of("results"), null, err);
 * }</pre>
 */
public final class CohortMerge {

    private CohortMerge() {
    }

    /**
     * Returns the exit code: 0 all full marks, 3 marks lost, 2 conflicting inputs, bad roster rows, an input
     * holding no results (the others are merged), or an input or {@code out} another run is writing.
     */
    public static int merge(List<Path> inputs, Path out, Path templates, PrintWriter err) throws IOException {
        return merge(inputs, out, templates, Seal.UNSIGNED, err);
    }

    /** As {@link #merge(List, Path, Path, PrintWriter)}, sealing the merged cohort with {@code seal}. */
    public static int merge(List<Path> inputs, Path out, Path templates, Seal seal, PrintWriter err)
            throws IOException {
        List<Path> usable = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                err.println("labcheck merge: " + input + " is not a directory of batch results.");
                return 2;
            }
            if (!Files.exists(out) || !Files.isSameFile(input, out)) {
                try {
                    OutLock.requireNotBeingWritten(input);
                } catch (IllegalArgumentException busy) {
                    err.println("labcheck merge: " + busy.getMessage());
                    return 2;
                }
            }
            ResultStore source = new ResultStore(input);
            if (source.completedIds().isEmpty() && source.readProblems().isEmpty()) {
                err.println("labcheck merge: " + input + " holds no batch results: no student directory with its "
                        + ResultStore.MARKER + " file and no " + ResultStore.BATCH_DIR + "/" + ResultStore.PROBLEMS
                        + ". Fix: give the --out directories of `labcheck batch` runs (e.g. shard-1 shard-2), or"
                        + " leave " + input + " out.");
            } else {
                usable.add(input);
            }
        }
        if (usable.isEmpty()) {
            err.println("labcheck merge: nothing to merge; " + out + " was left as it was.");
            return 2;
        }
        OutLock lock;
        try {
            lock = OutLock.acquire(out, "merge", note -> err.println("labcheck merge: note: " + note));
        } catch (IllegalArgumentException busy) {
            err.println("labcheck merge: " + busy.getMessage());
            return 2;
        }
        try (lock) {
            int exit = merged(usable, out, templates, seal, err);
            return usable.size() < inputs.size() ? 2 : exit;
        }
    }

    private static int merged(List<Path> inputs, Path out, Path templates, Seal seal, PrintWriter err)
            throws IOException {
        ResultStore target = new ResultStore(out, "staging-merge");
        target.cleanStaging();
        Set<RosterProblem> problems = new LinkedHashSet<>(target.readProblems());
        int conflicts = 0;
        for (Path input : inputs) {
            ResultStore source = new ResultStore(input);
            problems.addAll(source.readProblems());
            if (Files.isSameFile(input, out)) {
                continue;
            }
            for (String id : source.completedIds()) {
                if (source.readOrNull(id) == null) {
                    err.println("labcheck merge: " + id + ": its " + StudentRecord.FILE_NAME + " in " + input
                            + " cannot be read (truncated or edited); marks.csv lists the student as error. Fix:"
                            + " rerun `labcheck batch` with that shard's roster to grade the student again.");
                    conflicts++;
                }
                conflicts += copy(source, target, id, err) ? 0 : 1;
            }
        }
        List<RosterProblem> all = new ArrayList<>(problems);
        target.writeProblems(all);
        Cohort cohort = Cohort.load(target, id -> true, all);
        new CohortFiles(templates, seal).write(cohort, out);
        err.println("labcheck merge: " + cohort.rows().size() + " student(s) from " + inputs.size()
                + " director(ies) in " + out.resolve(CohortFiles.MARKS) + " and " + out.resolve(CohortFiles.SUMMARY)
                + ".");
        err.flush();
        return conflicts > 0 ? 2 : cohort.exitCode();
    }

    /** Copies one student in (staged, then renamed); false when {@code out} already holds a different result. */
    private static boolean copy(ResultStore source, ResultStore target, String id, PrintWriter err)
            throws IOException {
        Path from = source.studentDir(id);
        Path to = target.studentDir(id);
        if (target.isComplete(id)) {
            byte[] a = Files.readAllBytes(from.resolve(StudentRecord.FILE_NAME));
            byte[] b = Files.readAllBytes(to.resolve(StudentRecord.FILE_NAME));
            if (!java.util.Arrays.equals(a, b)) {
                err.println("labcheck merge: " + id + " has different results in " + source.root() + " and "
                        + target.root() + " (were shards overlapping?); kept the one already in " + target.root()
                        + ".");
                return false;
            }
            return true;
        }
        Path staging = target.root().resolve(ResultStore.BATCH_DIR).resolve("staging-merge")
                .resolve(id + "." + UUID.randomUUID());
        Files.createDirectories(staging);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = staging.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else if (!f.getFileName().toString().equals(ResultStore.MARKER)) {
                    Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            // The marker last, as in a batch run: a directory without it is never taken for complete.
            Files.copy(from.resolve(ResultStore.MARKER), staging.resolve(ResultStore.MARKER),
                    StandardCopyOption.COPY_ATTRIBUTES);
            ResultStore.deleteTree(to);
            Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            ResultStore.deleteTree(staging);
        }
        return true;
    }
}
