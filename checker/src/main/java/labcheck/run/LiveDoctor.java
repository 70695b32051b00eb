package labcheck.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import labcheck.collect.AccessProbe;
import labcheck.collect.AwsCollector;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.Unavailable;
import labcheck.probe.Prerequisites;
import labcheck.probe.Prerequisites.Line;
import labcheck.probe.ProbeSettings;
import labcheck.reach.SshSettings;

/**
 * The live half of {@code labcheck doctor}: with AWS access, the permission probe of
 * {@code batch --preflight} ({@link AccessProbe}: one cheap call per action of the policy, one line per
 * action) and the cache and database endpoints found as {@code check} finds them ({@link Endpoints});
 * then every target's questions ({@link Prerequisites}): directly, or with {@code --ssh} through the
 * instance's forwards ({@link ThroughSsh}). The apps are asked while AWS answers; every step takes what
 * is left of {@code total}, so the whole stays under it however slow AWS or the network is.
 *
 * <pre>{@code
 * List<Prerequisites.Line> lines = LiveDoctor.check(new LiveDoctor.Request(awsOrNull, probe, sshOrNull,
 *         "DB_PASSWORD", Duration.ofSeconds(9)));
 * }</pre>
 */
public final class LiveDoctor {

    /** Each question's bound: a resolve, a connect, a login (an AWS call's is a share of the total). */
    static final Duration EACH = Duration.ofSeconds(2);
    /** The least a step is given, so a spent total still ends each step cleanly. */
    private static final Duration LEAST = Duration.ofMillis(500);
    private static final String POLICY = "`labcheck policy` prints the whole read-only policy; `labcheck onboard`"
            + " a role that has it";

    /**
     * @param aws              AWS access, or null when there is none
     * @param probe            the targets as the instance sees them (endpoints not given are looked up in AWS)
     * @param ssh              the way in through the instance, or null to ask from here
     * @param passwordVariable the variable holding the database password, named in a failed login's fix
     * @param total            the most the whole may take
     */
    public record Request(AwsSettings aws, ProbeSettings probe, SshSettings ssh, String passwordVariable,
                          Duration total) {
    }

    private LiveDoctor() {
    }

    /** One line per prerequisite, in a fixed order: the apps, AWS and its permissions, the endpoints. */
    public static List<Line> check(Request req) {
        long end = System.nanoTime() + req.total().toNanos();
        CompletableFuture<List<Line>> apps = req.ssh() != null ? CompletableFuture.completedFuture(List.of())
                : async(() -> Prerequisites.parallel(Prerequisites.apps(req.probe(), EACH), left(end)));
        CompletableFuture<List<Line>> permissions = req.aws() == null ? CompletableFuture.completedFuture(List.of())
                : async(() -> permissions(aws(req.aws(), req.total(), end, false)));
        CompletableFuture<Evidence> found = req.aws() == null ? CompletableFuture.completedFuture(null)
                : async(() -> endpoints(aws(req.aws(), req.total(), end, true)));
        List<Line> lines = new ArrayList<>();
        ProbeSettings targets = req.probe();
        List<Line> endpointLines = new ArrayList<>();
        if (req.aws() == null) {
            lines.add(Line.skipped("AWS was not checked: no AWS access (not on EC2, and no --region, --profile or"
                    + " --role-arn), so neither the permissions nor the endpoints were looked up.", "run labcheck"
                    + " doctor on the lab's EC2 instance (its instance role), or add --region REGION with --profile"
                    + " NAME or --role-arn ARN."));
        } else {
            Evidence evidence = join(found, end, null);
            if (evidence == null) {
                endpointLines.add(Line.fail("ElastiCache and RDS did not name the endpoints within "
                        + req.total().toSeconds() + " s.", "give --redis HOST:PORT and --db-url JDBC_URL, or run"
                        + " labcheck doctor again."));
            } else {
                endpointLines.addAll(found(evidence, req));
                targets = Endpoints.fill(targets, evidence, req.aws().clusterId(), new ArrayList<>());
            }
        }
        if (req.aws() == null && !targets.redis().given()) {
            endpointLines.add(Line.skipped("The Redis endpoint was not checked: no --redis and no AWS access to find"
                    + " it.", "give --redis HOST:PORT, or AWS access as above."));
        }
        if (req.aws() == null && !targets.db().given() && targets.db().credentials() != null) {
            endpointLines.add(Line.skipped("The database login was not checked: no --db-url and no AWS access to find"
                    + " it.", "give --db-url JDBC_URL, or AWS access as above."));
        }
        List<Line> reached = req.ssh() == null
                ? Prerequisites.parallel(Prerequisites.endpoints(targets, EACH, end, req.passwordVariable()), left(end))
                : throughSsh(req, targets, end);
        lines.addAll(0, join(apps, end, List.of(Line.fail("The apps did not answer in time.",
                "run labcheck doctor again."))));
        lines.addAll(join(permissions, end, List.of(Line.fail("AWS did not answer the permission probe within "
                + req.total().toSeconds() + " s.", "run labcheck doctor again; check the network to AWS."))));
        lines.addAll(endpointLines);
        lines.addAll(reached);
        return lines;
    }

    /** The permission probe's lines: the identity, then one per action of the policy. */
    static List<Line> permissions(AwsSettings aws) {
        AccessProbe.Result r = AccessProbe.run(aws);
        if (r.failure() != null) {
            return List.of(Line.fail("AWS access: " + r.failure(), "on EC2, attach the lab's instance role (EC2"
                    + " console > the instance > Actions > Security > Modify IAM role); elsewhere give --profile or"
                    + " --role-arn for the student's account."),
                    Line.skipped("The policy's " + AccessProbe.probedActions().size() + " actions were not checked:"
                            + " no AWS access.", "fix the AWS access line above."));
        }
        List<Line> lines = new ArrayList<>(List.of(Line.ok("AWS access: labcheck runs as " + r.identity() + ".")));
        for (String action : new TreeSet<>(AccessProbe.probedActions())) {
            if (r.denied().containsKey(action)) {
                lines.add(Line.fail(r.identity() + " is not allowed " + action + " (AccessDenied): the facts it reads"
                        + " would be unverifiable.", "add to the role's policy the statement {\"Effect\": \"Allow\","
                        + " \"Action\": \"" + action + "\", \"Resource\": \"*\"} (" + POLICY + ")."));
            } else if (r.other().containsKey(action)) {
                // not a permission problem (an emulator's gap, a timeout, a 5xx), and not proof of one either
                lines.add(Line.skipped(action + " was not refused, but not verified either: "
                        + r.other().get(action).message().replaceFirst("\\.$", "") + ".",
                        "run labcheck doctor again; `labcheck policy` lists the action if the role lacks it."));
            } else {
                lines.add(Line.ok(action + " is allowed."));
            }
        }
        return lines;
    }

    /** The caches and RDS instances, as the collection reads them; no identity call (the probe makes it). */
    private static Evidence endpoints(AwsSettings aws) {
        Evidence none = Evidence.empty(new Subject(null, null, aws.region(), aws.clusterId(), null, null, "aws"),
                java.time.Instant.now().toString());
        try (AwsCollector collector = AwsCollector.create(aws)) {
            return collector.collectEndpoints(none);
        } catch (AwsSetupException e) {
            return none.withAwsUnavailable(new Unavailable("AwsSetup", null, e.getMessage()));
        }
    }

    /**
     * What AWS names as the lab's endpoints (for a target not given as a flag), or why it names none. A
     * question AWS did not answer is not checked here: the permission or access line already fails for it.
     */
    private static List<Line> found(Evidence e, Request req) {
        List<Line> lines = new ArrayList<>();
        String cluster = req.aws().clusterId();
        if (!req.probe().redis().given()) {
            Optional<Endpoints.Cache> cache = Endpoints.cache(e, cluster);
            Fact<?> asked = e.cacheClusters();
            lines.add(cache.isPresent() ? Line.ok("ElastiCache names the lab's Redis endpoint " + cache.get().shown()
                    + " (" + cache.get().from() + ").")
                    : unanswered(asked) ? Line.skipped("The Redis endpoint was not looked up: " + why(asked) + ".",
                            "fix the AWS line above, or give --redis HOST:PORT.")
                    : Line.fail("ElastiCache names no Redis endpoint for cluster " + cluster + ".", "create the"
                            + " cluster " + cluster + " (or give --cluster-id ID for another name), wait until it is"
                            + " available, or give --redis HOST:PORT."));
        }
        if (!req.probe().db().given()) {
            Optional<Endpoints.Database> db = Endpoints.database(e);
            Fact<?> asked = e.dbInstances();
            lines.add(db.isPresent() ? Line.ok("RDS names the lab's database endpoint " + db.get().jdbcUrl() + " ("
                    + db.get().from() + ")" + (req.probe().db().credentials() == null ? "; its login is not checked"
                    + " until " + req.passwordVariable() + " is set" : "") + ".")
                    : unanswered(asked) ? Line.skipped("The database endpoint was not looked up: " + why(asked) + ".",
                            "fix the AWS line above, or give --db-url JDBC_URL.")
                    : Line.fail("RDS names no MySQL instance with an endpoint.", "create the RDS MySQL instance"
                            + " (database " + Endpoints.DATABASE + ") and wait until it is available, or give --db-url"
                            + " JDBC_URL."));
        }
        return lines;
    }

    private static boolean unanswered(Fact<?> f) {
        return f == null || !f.available();
    }

    private static String why(Fact<?> f) {
        return f == null ? "not asked" : f.unavailable().message().replaceFirst("\\.$", "");
    }

    /**
     * Every target through one SSH connection: what cannot be forwarded is its own failing line; with no
     * login, one line says which prerequisites could not be checked from here.
     */
    private static List<Line> throughSsh(Request req, ProbeSettings targets, long end) {
        if (req.ssh().viaInstanceConnect()) {
            return List.of(Line.skipped("The apps, Redis and the database were not checked through the instance:"
                    + " labcheck doctor logs in with the key pair only.", "give --ssh-key FILE (the instance's key"
                    + " pair), or run labcheck doctor on the instance itself."));
        }
        ProbeSettings bounded = targets.withLimits(targets.limits().withBudget(left(end)));
        try (ThroughSsh way = ThroughSsh.open(req.ssh(), bounded, null, line -> { })) {
            if (way.settings() == null) {
                return List.of(Line.fail("SSH to " + req.ssh().target() + ": " + way.failure().message(),
                        "check --ssh USER@HOST and --ssh-key against the instance's key pair, and that its security"
                        + " group allows SSH from here."),
                        Line.skipped("The apps, Redis and the database were not checked: they are reached through"
                                + " the SSH login.", "fix the SSH line above, or run labcheck doctor on the instance."));
            }
            List<Line> lines = new ArrayList<>(List.of(Line.ok("SSH to " + req.ssh().target() + " logged in; every"
                    + " target below was asked through it, as the instance sees it.")));
            List<Supplier<List<Line>>> asks = new ArrayList<>(Prerequisites.apps(way.settings(), EACH));
            asks.addAll(Prerequisites.endpoints(way.settings(), EACH, end, req.passwordVariable()));
            lines.addAll(Prerequisites.parallel(asks, left(end)));
            return lines;
        }
    }

    /**
     * {@code aws} bounded by what is left until {@code end}: each call to 3/8 of the total (3 s of 8 s, retries
     * included), the permission calls to as much again, the endpoint lookup to a quarter (its questions follow).
     */
    private static AwsSettings aws(AwsSettings aws, Duration total, long end, boolean discovery) {
        Duration left = left(end);
        Duration call = cap(total.multipliedBy(3).dividedBy(8), left);
        Duration budget = discovery ? cap(total.dividedBy(4), left) : call;
        return new AwsSettings(aws.region(), aws.profile(), aws.roleArn(), aws.externalId(), aws.endpointUrl(),
                aws.clusterId(), aws.appUrl(), call, budget);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> s) {
        return CompletableFuture.supplyAsync(s, r -> {
            Thread t = new Thread(r, "labcheck-doctor");
            t.setDaemon(true);
            t.start();
        });
    }

    private static <T> T join(CompletableFuture<T> f, long end, T otherwise) {
        try {
            return f.get(left(end).toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            return otherwise;
        }
    }

    private static Duration left(long end) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        return left.compareTo(LEAST) < 0 ? LEAST : left;
    }

    private static Duration cap(Duration d, Duration left) {
        return d.compareTo(left) < 0 ? d : left;
    }
}
