package labcheck.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;
import labcheck.seal.Manifest;
import labcheck.seal.Seal;

/**
 * The results directory: {@code <student_id>/} per graded student, {@code _batch/} for the
 * batch's own files. A student directory is assembled in {@code _batch/staging-*} and renamed
 * into place after its completion marker is written, so after a {@code kill -9} a student
 * directory is either complete or absent, and no file in it is half-written. Every student directory
 * is sealed ({@link Seal}): its {@code MANIFEST.sha256} lists each file's SHA-256, and a regrade keeps
 * the earlier manifest beside the new one.
 *
 * <pre>{@code
 * ResultStore store = new ResultStore(Path.of("results"));
 * if (!store.isComplete("s01")) store.commit(record, evidence, writer);
 * }</pre>
 */
public final class ResultStore {

    /**
     * Written last into a student directory; its presence means the result is complete. Not a dot-file,
     * so tools that skip hidden files (CI artifact uploads, {@code cp dir/*}) keep it.
     */
    public static final String MARKER = "COMPLETE";
    static final String BATCH_DIR = "_batch";
    static final String PROBLEMS = "roster-problems.json";

    private final Path root;
    private final String stagingName;
    private final Seal seal;

    public ResultStore(Path root) {
        this(root, "staging");
    }

    /** {@code stagingName} keeps shards that share one directory out of each other's staging area. */
    public ResultStore(Path root, String stagingName) {
        this(root, stagingName, Seal.UNSIGNED);
    }

    /** @param seal how each committed student directory is sealed (signed with {@code --sign KEY}) */
    public ResultStore(Path root, String stagingName, Seal seal) {
        this.root = root;
        this.stagingName = stagingName;
        this.seal = seal;
    }

    public Path root() {
        return root;
    }

    public Path studentDir(String studentId) {
        return root.resolve(studentId);
    }

    public boolean isComplete(String studentId) {
        return Files.isRegularFile(studentDir(studentId).resolve(MARKER));
    }

    /**
     * Removes what an interrupted run left half-assembled; finished students are untouched. A
     * finished result that {@code --regrade} had moved aside when the run died is put back first.
     */
    public void cleanStaging() {
        Path staging = root.resolve(BATCH_DIR).resolve(stagingName);
        if (Files.isDirectory(staging)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(staging, "*.old.*")) {
                for (Path old : dirs) {
                    String id = old.getFileName().toString().replaceFirst("\\.old\\..*$", "");
                    if (!Files.exists(studentDir(id)) && Files.isRegularFile(old.resolve(MARKER))) {
                        Files.move(old, studentDir(id), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot recover " + staging + ": " + e.getMessage(), e);
            }
        }
        deleteTree(staging);
    }

    /** Writes the student's evidence, scoresheets, record and marker, then renames the directory into place. */
    public void commit(StudentRecord record, Evidence evidence, ScoresheetWriter writer) throws IOException {
        Path staging = root.resolve(BATCH_DIR).resolve(stagingName)
                .resolve(record.studentId() + "." + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            if (evidence != null) {
                EvidenceBundle.write(staging, evidence);
            }
            if (record.scoresheet() != null && writer != null) {
                writer.write(record.scoresheet(), staging);
            }
            EvidenceBundle.writeAtomically(staging.resolve(StudentRecord.FILE_NAME), toJson(record));
            EvidenceBundle.writeAtomically(staging.resolve(MARKER), record.status().label() + "\n");
            Path target = studentDir(record.studentId());
            keepManifests(target, staging);
            seal.apply(staging);
            Path old = null;
            if (Files.exists(target)) {
                old = staging.resolveSibling(record.studentId() + ".old." + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** The manifests (and signatures) of an earlier result, so the new seal keeps them beside its own. */
    private static void keepManifests(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(from, Manifest.FILE_NAME + "*")) {
            for (Path m : manifests) {
                Files.copy(m, to.resolve(m.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public StudentRecord read(String studentId) {
        Path file = studentDir(studentId).resolve(StudentRecord.FILE_NAME);
        try {
            return EvidenceBundle.mapper().readValue(Files.readString(file), StudentRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored record, or null when there is none or its result.json cannot be read (truncated, edited). */
    public StudentRecord readOrNull(String studentId) {
        try {
            return isComplete(studentId) ? read(studentId) : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /**
     * True when the student needs no grading this run: a readable complete result, and, when
     * {@code retryFailed}, one that did not time out or fail.
     */
    public boolean isFinished(String studentId, boolean retryFailed) {
        StudentRecord r = readOrNull(studentId);
        return r != null && !(retryFailed && (r.status() == Status.TIMED_OUT || r.status() == Status.ERROR));
    }

    public Evidence readEvidence(String studentId) {
        return EvidenceBundle.read(studentDir(studentId));
    }

    /** Ids of every complete student directory, sorted. */
    public List<String> completedIds() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                String id = d.getFileName().toString();
                if (RosterValidator.STUDENT_ID.matcher(id).matches() && isComplete(id)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    public void writeProblems(List<RosterProblem> problems) throws IOException {
        String json = SecretGuard.cleaned(EvidenceBundle.mapper().writeValueAsString(problems) + "\n",
                "the roster problems");
        EvidenceBundle.writeAtomically(root.resolve(BATCH_DIR).resolve(PROBLEMS), json);
    }

    public List<RosterProblem> readProblems() {
        Path file = root.resolve(BATCH_DIR).resolve(PROBLEMS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return EvidenceBundle.mapper().readValue(Files.readString(file), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String toJson(StudentRecord record) throws IOException {
        return SecretGuard.cleaned(EvidenceBundle.mapper().writeValueAsString(record) + "\n",
                "the result of " + record.studentId());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
