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
 *     int port = reach.forward("localhost", 5001);   // 127.0.0.1:port here is the instance's localhost:5001
 *     RemoteTimer timer = reach.timer("http://localhost:5001", "http://localhost:5000");
 *     SourceText source = reach.source("~/product-api/app_with_cache.py");
 * }
 * }</pre>
 */
public final class Reach implements AutoCloseable {

    /** The most of the source read from the instance: one byte more than the scanner takes. */
    private static final int MAX_SOURCE = (1 << 20) + 1;

    private final SshLink link;

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
     * so a refusal is reported now with its reason.
     */
    public int forward(String host, int port) throws ReachException {
        return link.forward(host, port);
    }

    /** Times requests to the two apps (as the instance sees them) on the instance, with its curl. */
    public RemoteTimer timer(String appUrl, String baselineUrl) {
        return new RemoteCurl(link, appUrl, baselineUrl);
    }

    /** The file at {@code path} on the instance ({@code ~/} is its home), or why it cannot be read. */
    public SourceText source(String path) {
        String p = path.trim();
        String quoted = p.startsWith("~/") ? "\"$HOME\"/" + RemoteCurl.quote(p.substring(2)) : RemoteCurl.quote(p);
        try {
            SshLink.Exec r = link.exec("cat -- " + quoted + " | head -c " + MAX_SOURCE, Duration.ofSeconds(15),
                    MAX_SOURCE);
            if (r.out().length == 0 && !r.err().isBlank()) {
                return SourceText.unreadable(p, "The source file " + p + " could not be read on the instance ("
                        + r.err().lines().findFirst().orElse("").strip() + "). Fix: give --source as the instance"
                        + " sees it, e.g. ~/product-api/app_with_cache.py.");
            }
            return SourceText.of(p, r.outText());
        } catch (ReachException e) {
            return SourceText.unreadable(p, e.getMessage());
        }
    }

    /** What the connection did that a judge should know: a host key recorded, the link dropping. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
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
