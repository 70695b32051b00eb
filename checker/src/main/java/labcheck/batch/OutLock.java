package labcheck.batch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One writer per results directory: {@code _batch/writer.lock}, locked by the operating system for the
 * whole run and naming its holder (PID, host, start), so a second {@code batch} or {@code merge} on the
 * same {@code --out} is refused naming who writes there, and a {@code merge} of a directory a batch is
 * still writing waits for it. A lock file whose process died (a {@code kill -9}, a lost pod) holds no
 * operating-system lock any more: it is taken over, and the run says so.
 *
 * <pre>{@code
 * try (OutLock lock = OutLock.acquire(Path.of("results"), "batch", note -> err.println(note))) {
 *     ...   // grade, write marks.csv
 * }
 * }</pre>
 */
public final class OutLock implements AutoCloseable {

    static final String FILE = "writer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes {@code root}'s lock for {@code command} ("batch", "merge").
     *
     * @param note receives what a judge should know: a lock taken over from a dead process
     * @throws IllegalArgumentException naming the holder and the fix, when another process writes there
     */
    public static OutLock acquire(Path root, String command, Consumer<String> note) throws IOException {
        Path file = root.resolve(ResultStore.BATCH_DIR).resolve(FILE);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            } catch (IOException noLocks) {
                // a file system without locks (some network mounts): the run goes on, the judge is told
                note.accept("cannot lock " + file + " (" + noLocks.getMessage() + "); make sure no other labcheck"
                        + " batch or merge writes to " + root + " meanwhile.");
                return new OutLock(channel, null);
            }
            Map<String, String> previous = holder(channel);
            if (lock == null || aliveHere(previous) && !String.valueOf(ProcessHandle.current().pid())
                    .equals(previous.get("pid"))) {
                throw new IllegalArgumentException(root + " is being written by another labcheck "
                        + describe(previous) + ". Fix: wait for it to finish, or give this run another --out; two"
                        + " runs writing one results directory would mix their students.");
            }
            if (!previous.isEmpty()) {
                note.accept("took over " + file + " from labcheck " + describe(previous) + ", which is no longer"
                        + " running (it stopped without releasing it).");
            }
            write(channel, command);
            return new OutLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Refuses to read {@code root} while a live process holds its lock: a merge of a shard still being
     * graded would copy half of it. A directory with no lock file, or one left by a dead process, is free.
     */
    public static void requireNotBeingWritten(Path root) throws IOException {
        Path file = root.resolve(ResultStore.BATCH_DIR).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock shared;
            try {
                shared = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException sameJvm) {
                shared = null;
            } catch (IOException noLocks) {
                return; // cannot tell: reading it is what the judge asked for
            }
            Map<String, String> holder = holder(channel);
            if (shared != null) {
                shared.release();
            }
            if (shared == null || aliveHere(holder)) {
                throw new IllegalArgumentException(root + " is still being written by labcheck " + describe(holder)
                        + ". Fix: wait for that run to finish, then merge; its students would be copied half done.");
            }
        }
    }

    /** Empties the file (a lock file that names nobody is free) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (lock != null) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    private static void write(FileChannel channel, String command) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid=" + self.pid() + "\nhost=" + hostName() + "\nstarted="
                + self.info().startInstant().map(Instant::toString).orElse(Instant.now().toString())
                + "\ncommand=" + command + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static Map<String, String> holder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buf, 0);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return fields;
    }

    /**
     * True when the holder named is a process of this host that still runs, the same one (its start time
     * matches, so a reused PID is not taken for it): where operating-system locks do not reach, the file says.
     */
    private static boolean aliveHere(Map<String, String> holder) {
        if (!hostName().equals(holder.get("host"))) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(holder.getOrDefault("pid", ""))).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().startInstant()).map(Instant::toString)
                    .filter(s -> s.equals(holder.get("started"))).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Map<String, String> holder) {
        if (holder.get("pid") == null) {
            return "run (its lock file names no process yet)";
        }
        return holder.getOrDefault("command", "run") + ": PID " + holder.get("pid") + " on host "
                + holder.getOrDefault("host", "?") + ", started " + holder.getOrDefault("started", "?");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
