package labcheck.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@code --out} directory checked before any work, so a run that probed an app for two
 * minutes never loses its result to a directory that cannot be created.
 *
 * <pre>{@code
 * OutputDir.prepare(Path.of("results"), "--out");   // IllegalArgumentException naming the fix
 * }</pre>
 */
final class OutputDir {

    private OutputDir() {
    }

    /**
     * Checks that {@code dir} is, or can be created as, a writable directory, without creating it (a run
     * that fails later leaves nothing behind); a refusal names the flag, the cause and the fix.
     */
    static Path prepare(Path dir, String flag) {
        String cause = obstacle(dir);
        if (cause != null) {
            throw new IllegalArgumentException(flag + " " + dir + " cannot be used: " + cause + ". Fix: give "
                    + flag + " a directory you can write (it is created if missing).");
        }
        return dir;
    }

    /** Why {@code dir} cannot be a writable directory: a file or a dangling link on its path, or no permission. */
    private static String obstacle(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                String target;
                try {
                    target = String.valueOf(Files.readSymbolicLink(p));
                } catch (IOException e) {
                    target = "?";
                }
                return p + " is a symbolic link to " + target + ", which does not exist";
            }
            if (Files.isDirectory(p)) {
                return Files.isWritable(p) ? null : p + " is not writable";
            }
            if (Files.exists(p)) {
                return p + " is a file, not a directory";
            }
        }
        return null;
    }

    /** One sentence for a file-system refusal: the file and the reason, without Java's class names. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile() + ".";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() == null ? f.getClass().getSimpleName().replace("Exception", "")
                    : f.getReason();
            return "cannot write " + f.getFile() + ": " + reason + ".";
        }
        return "input/output error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ".";
    }
}
