package labcheck.reach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.Unavailable;
import labcheck.evidence.app.AppEvidence;
import labcheck.probe.ProbeSettings;
import labcheck.probe.SourceText;

/**
 * Turns what the instance sees (its localhost:5001 and :5000, the cache endpoint, the RDS
 * endpoint) into addresses this host can dial, over one SSH connection: a local forward per
 * target, the timing loop on the instance, the source read there. The probe runs on the
 * settings this gives and never learns how it got there; {@link #restate} puts the instance's
 * own names back into the evidence.
 *
 * <pre>{@code
 * try (Reach reach = Reach.through(ssh, settingsAsTheInstanceSeesThem, "~/app_with_cache.py", System.err::println)) {
 *     Fact<AppEvidence> app = reach.settings() == null ? Fact.unavailable(reach.failure())
 *             : reach.restate(new AppProbe(reach.settings()).run());
 * }
 * }</pre>
 */
public final class Reach implements AutoCloseable {

    private static final Pattern JDBC = Pattern.compile(
            "^(jdbc:(?:mysql|mariadb)://)(\\[[^\\]]+\\]|[^/:?]+)(?::(\\d+))?(.*)$");
    /** The most of the source read from the instance: one byte more than the scanner takes. */
    private static final int MAX_SOURCE = (1 << 20) + 1;

    private final SshLink link;
    private ProbeSettings settings;
    private final Unavailable failure;
    private final Map<String, String> seenAs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Reach(SshLink link, ProbeSettings settings, Unavailable failure) {
        this.link = link;
        this.settings = settings;
        this.failure = failure;
    }

    /**
     * Opens the connection and the forwards; never throws for what the network or the instance
     * does: {@link #failure()} then says why the app cannot be reached at all, and a part that
     * cannot be reached (Redis, the database, the no-cache app) is blocked with its reason.
     *
     * @param remoteSource the app's source as a path on the instance, or null
     */
    public static Reach through(SshSettings ssh, ProbeSettings asSeen, String remoteSource, Consumer<String> progress) {
        progress.accept("Connecting over SSH to " + ssh.target() + "...");
        SshLink link;
        try {
            link = SshLink.open(ssh);
        } catch (ReachException e) {
            return new Reach(null, null, new Unavailable("Unreachable", "ssh", e.getMessage()));
        }
        Reach r = new Reach(link, null, null);
        try {
            return r.forwardAll(asSeen, remoteSource, progress);
        } catch (ReachException e) {
            link.close();
            return new Reach(null, null, new Unavailable("Unreachable", "ssh", e.getMessage()));
        }
    }

    private Reach forwardAll(ProbeSettings asSeen, String remoteSource, Consumer<String> progress)
            throws ReachException {
        if (link.hostKeyAdded()) {
            notes.add("The SSH host key of " + link.target().server() + " was new and was trusted and recorded"
                    + " (--ssh-accept-new).");
        }
        ProbeSettings.Builder b = asSeen.toBuilder();
        b.appUrl(forwardUrl(asSeen.appUrl()));
        List<String> reached = new ArrayList<>(List.of("the cache app " + asSeen.appUrl()));
        if (asSeen.baselineUrl() != null) {
            try {
                b.baselineUrl(forwardUrl(asSeen.baselineUrl()));
                reached.add("the no-cache app " + asSeen.baselineUrl());
            } catch (ReachException e) {
                b.blocked("baseline", e.getMessage());
            }
        }
        if (asSeen.redisHost() != null) {
            try {
                b.redisAddress("127.0.0.1", forward(asSeen.redisHost(), asSeen.redisPort()));
                reached.add("Redis " + asSeen.redisHost() + ":" + asSeen.redisPort());
            } catch (ReachException e) {
                b.blocked("redis", e.getMessage());
            }
        }
        if (asSeen.dbUrl() != null) {
            Matcher m = JDBC.matcher(asSeen.dbUrl());
            if (m.matches()) {
                String host = m.group(2).replaceAll("^\\[|\\]$", "");
                int port = m.group(3) == null ? 3306 : Integer.parseInt(m.group(3));
                try {
                    b.dbAddress(m.group(1) + "127.0.0.1:" + forward(host, port) + m.group(4));
                    reached.add("the database " + host + ":" + port);
                } catch (ReachException e) {
                    b.blocked("db", e.getMessage());
                }
            }
        }
        if (asSeen.baselineUrl() != null) {
            b.remoteTimer(new RemoteCurl(link, asSeen.appUrl(), asSeen.baselineUrl()));
        }
        if (remoteSource != null) {
            b.sourceText(readSource(remoteSource));
        }
        notes.add("Reached through SSH " + link.target() + ": " + String.join(", ", reached)
                + " as the instance sees them, each over a forward.");
        progress.accept("SSH to " + link.target() + " is up; forwarding " + String.join(", ", reached) + ".");
        settings = b.build();
        return this;
    }

    private String forwardUrl(String url) throws ReachException {
        URI u = URI.create(url);
        int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        int local = forward(u.getHost(), port);
        seenAs.put(u.getScheme() + "://127.0.0.1:" + local, stripSlash(url));
        return u.getScheme() + "://127.0.0.1:" + local;
    }

    private int forward(String host, int port) throws ReachException {
        int local = link.forward(host, port);
        seenAs.put("127.0.0.1:" + local, (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        return local;
    }

    private SourceText readSource(String path) {
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

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The probe's settings, pointing at the forwards; null when the app cannot be reached ({@link #failure()}). */
    public ProbeSettings settings() {
        return settings;
    }

    /** What the way in did (what was forwarded, a host key recorded, the link dropping), for the scoresheet. */
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (link != null && !link.isOpen()) {
            all.add(droppedNote());
        }
        return all;
    }

    private String droppedNote() {
        return "The SSH connection to " + link.target().server() + " closed during the probe; what was to be"
                + " measured after that could not be (--ssh). Fix: check the instance and the network, then rerun.";
    }

    /** Why the app cannot be reached at all, or null. */
    public Unavailable failure() {
        return failure;
    }

    /**
     * The evidence with every forwarded address written as the instance sees it, and what the
     * way in did (forwards, a host key recorded, the connection dropping) in its notes.
     */
    public Fact<AppEvidence> restate(Fact<AppEvidence> app) {
        try {
            String json = EvidenceBundle.mapper().writeValueAsString(app);
            // longest first, so http://127.0.0.1:P is restated as a whole before 127.0.0.1:P
            List<Map.Entry<String, String>> names = new ArrayList<>(seenAs.entrySet());
            names.sort((x, y) -> y.getKey().length() - x.getKey().length());
            for (Map.Entry<String, String> e : names) {
                json = json.replace(e.getKey(), e.getValue());
            }
            Fact<AppEvidence> restated = EvidenceBundle.mapper().readValue(json, new TypeReference<Fact<AppEvidence>>() {
            });
            if (!restated.available()) {
                return restated;
            }
            AppEvidence a = restated.value();
            List<String> allNotes = notes();
            allNotes.addAll(a.notes());
            // toBuilder keeps every part, the cache-warming read included
            return Fact.of(a.toBuilder().notes(allNotes).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the app evidence could not be restated: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        if (settings != null) {
            settings.clearSecrets();
        }
        if (link != null) {
            link.close();
        }
    }
}
