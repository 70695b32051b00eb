package labcheck.reach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import labcheck.probe.RemoteTimer;
import labcheck.probe.SourceText;

/**
 * One SSH way into the app's instance and what it carries: a local forward to any address as
 * the instance sees it, the timing loop run there, the source read there. Transport only: which
 * targets go over it, and how the probe names them, is the planner's business ({@code run/}).
 *
 * <pre>{@code
 * try (Reach reach = Reach.open(ssh)) {
 *     int port = reach.forward("localhost", 5001, Duration.ofSeconds(10));   // the instance's localhost:5001
 *     RemoteTimer timer = reach.timer("http://localhost:5001", "http://localhost:5000");
 *     SourceText source = reach.source("~/product-api/app_with_cache.py", Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class Reach implements AutoCloseable {

    /** The most of the source read from the instance: one byte more than the scanner takes. */
    private static final int MAX_SOURCE = (1 << 20) + 1;

    /** The source read's exit status for a path that exists but is no regular file. */
    private static final int NOT_A_FILE = 64;

    private final SshLink link;
    private final List<String> opened = new ArrayList<>();

    private Reach(SshLink link) {
        this.link = link;
    }

    /** Connects, checks the host key and authenticates; throws with the flag and the fix. */
    public static Reach open(SshSettings ssh) throws ReachException {
        return new Reach(SshLink.open(ssh));
    }

    /** Who the connection is to, e.g. {@code ec2-user@3.80.1.2}. */
    public SshTarget target() {
        return link.target();
    }

    /**
     * A local port on 127.0.0.1 that reaches {@code host:port} as the instance sees it, tried once
     * (for up to {@code trial}) so a refusal is reported now with its reason.
     */
    public int forward(String host, int port, Duration trial) throws ReachException {
        return link.forward(host, port, trial);
    }

    /** Times requests to the two apps (as the instance sees them) on the instance, with its curl. */
    public RemoteTimer timer(String appUrl, String baselineUrl) {
        return new RemoteCurl(link, appUrl, baselineUrl);
    }

    /**
     * The file at {@code path} on the instance ({@code ~/} is its home), read for up to {@code timeout},
     * or why it cannot be read: missing, not a regular file (a FIFO, a folder), or not read in time.
     * Never an empty text for a file that was not read.
     */
    public SourceText source(String path, Duration timeout) {
        String p = path.trim();
        String q = p.startsWith("~/") ? "\"$HOME\"/" + RemoteCurl.quote(p.substring(2)) : RemoteCurl.quote(p);
        String fix = " Fix: give --source as the instance sees it, the path of the app's .py file, e.g."
                + " ~/product-api/app_with_cache.py.";
        try {
            // a FIFO or a device would hold cat until the timeout; only a regular file is read
            SshLink.Exec r = link.exec("if [ -f " + q + " ]; then cat -- " + q + " | head -c " + MAX_SOURCE
                    + "; elif [ -e " + q + " ]; then echo 'not a regular file' >&2; exit " + NOT_A_FILE
                    + "; else cat -- " + q + "; fi", timeout, MAX_SOURCE);
            if (!r.finished()) {
                return SourceText.unreadable(p, "The source file " + p + " could not be read on the instance within "
                        + Math.max(1, timeout.toSeconds()) + " s (the read never finished: a FIFO or a stalled disk"
                        + " gives no end of file), so no excerpt is shown." + fix);
            }
            if (r.exitStatus() != null && r.exitStatus() == NOT_A_FILE) {
                return SourceText.unreadable(p, "The source file " + p + " on the instance is not a regular file (a"
                        + " FIFO, a device or a folder), so it was not read." + fix);
            }
            if (r.out().length == 0 && (!r.err().isBlank() || (r.exitStatus() != null && r.exitStatus() != 0))) {
                String why = r.err().isBlank() ? "exit " + r.exitStatus()
                        : r.err().lines().findFirst().orElse("").strip();
                return SourceText.unreadable(p, "The source file " + p + " could not be read on the instance ("
                        + why + ")." + fix);
            }
            return SourceText.of(p, r.outText());
        } catch (ReachException e) {
            return SourceText.unreadable(p, e.getMessage());
        }
    }

    /** Records how the connection was opened (e.g. with a key pushed by EC2 Instance Connect), first in {@link #notes()}. */
    public void note(String how) {
        opened.add(how);
    }

    /** What the connection did that a judge should know: how it was opened, a host key recorded, the link dropping. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(opened);
        if (link.hostKeyAdded()) {
            notes.add("The SSH host key of " + link.target().server() + " was new and was trusted and recorded"
                    + " (--ssh-accept-new).");
        }
        if (!link.isOpen()) {
            notes.add("The SSH connection to " + link.target().server() + " closed during the probe; what was to be"
                    + " measured after that could not be (--ssh). Fix: check the instance and the network, then"
                    + " rerun.");
        }
        return notes;
    }

    @Override
    public void close() {
        link.close();
    }
}
