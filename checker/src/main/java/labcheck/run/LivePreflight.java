package labcheck.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import labcheck.batch.Prerequisite;
import labcheck.batch.Readiness;
import labcheck.batch.ReadinessCheck;
import labcheck.batch.RosterEntry;
import labcheck.collect.AccessProbe;
import labcheck.collect.AwsCollector;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.SecretVariable;
import labcheck.evidence.Unavailable;
import labcheck.probe.AppTarget;
import labcheck.probe.HealthCheck;
import labcheck.reach.Reach;
import labcheck.reach.ReachException;
import labcheck.reach.SshSettings;

/**
 * The production {@code batch --preflight}: for one roster row, without probing or grading, the way into
 * AWS (credentials or AssumeRole) and one cheap call per policy action ({@link AccessProbe}), beside it
 * the SSH login, one forward per app and each app's {@code /health} through it (or the app's URL
 * directly without SSH), and whether the database password's variable is set. Each step takes what is
 * left of the student's budget. The login goes the way grading goes ({@link ThroughSsh.Opener}): with the
 * row's key file, or for {@code ssh_via: instance-connect} through {@link InstanceConnectWay}, the instance
 * found at {@code ssh_host} by the few EC2 calls it needs ({@link AwsCollector#instancesAt}) and a one-time
 * key pushed to it; each cause (no instance there, no public address, AccessDenied on the push, a key sshd
 * refuses) lands in {@code ssh_login} with its fix.
 *
 * <pre>{@code
 * int exit = Preflight.run(request, new LivePreflight(System.getenv()), out, err);
 * }</pre>
 */
public final class LivePreflight implements ReadinessCheck {

    /** The most one SSH connect, login or forward trial may take. */
    private static final Duration STEP = Duration.ofSeconds(10);
    /** The most one AWS call may take, retries included. */
    private static final Duration AWS_CALL = Duration.ofSeconds(10);
    private static final Duration LEAST = Duration.ofMillis(500);
    private static final String REDEPLOY = "Fix: the student deploys the role from `labcheck onboard` (or updates"
            + " its stack), which grants every action labcheck needs; `labcheck policy` lists them.";

    private final Map<String, String> env;

    public LivePreflight(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void check(RosterEntry student, Duration budget, Readiness into) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        dbPassword(student, into);
        AwsSettings settings = null;
        String unusable = null;
        if (student.region() != null || student.profile() != null || student.roleArn() != null) {
            try {
                settings = awsSettings(student, end);
            } catch (IllegalArgumentException e) {
                unusable = e.getMessage();
            }
        }
        AwsSettings awsSettings = settings;
        String awsProblem = unusable;
        CompletableFuture<Void> aws = CompletableFuture.runAsync(() -> aws(student, awsSettings, awsProblem, into),
                r -> {
                    Thread t = new Thread(r, "labcheck-preflight-aws-" + student.studentId());
                    t.setDaemon(true);
                    t.start();
                });
        if (student.ssh() != null) {
            throughSsh(student, awsSettings, end, into);
        } else {
            into.notNeeded(Prerequisite.SSH_LOGIN, "no ssh_user").notNeeded(Prerequisite.SSH_FORWARD, "no ssh_user");
            direct(Prerequisite.APP_HEALTH, student.appUrl(), "app_url", end, into);
            direct(Prerequisite.BASELINE_HEALTH, student.baselineUrl(), "baseline_url", end, into);
        }
        aws.join();
    }

    /**
     * The row's AWS access, each call and the whole capped by the student's budget; with EC2 Instance Connect the
     * instance is looked up at its SSH address, as grading does.
     */
    private AwsSettings awsSettings(RosterEntry student, long end) {
        return AwsSettings.builder().region(student.region()).profile(student.profile())
                .roleArn(student.roleArn()).externalId(student.externalId())
                .clusterId(student.clusterId() == null ? "product-cache-cluster" : student.clusterId())
                .endpointUrl(env.get("AWS_ENDPOINT_URL")).callTimeout(cap(AWS_CALL, end))
                .collectionBudget(cap(AWS_CALL.multipliedBy(3), end)).build();
    }

    private void dbPassword(RosterEntry student, Readiness into) {
        String name = student.dbPasswordEnv();
        if (name == null) {
            into.notNeeded(Prerequisite.DB_PASSWORD, "no db_password_env (the database checks will be unverifiable)");
            return;
        }
        String why = SecretVariable.password("db_password_env").problem(name, env);
        if (why == null) {
            into.ok(Prerequisite.DB_PASSWORD, name.trim() + " is set");
        } else {
            failed(into, Prerequisite.DB_PASSWORD, why, null);
        }
    }

    private void aws(RosterEntry student, AwsSettings settings, String unusable, Readiness into) {
        if (unusable != null) {
            into.failed(Prerequisite.AWS_ACCESS, unusable, "Fix the roster's row " + student.row() + ".")
                    .skipped(Prerequisite.AWS_PERMISSIONS, "no AWS access");
            return;
        }
        if (settings == null) {
            into.notNeeded(Prerequisite.AWS_ACCESS, "no region, profile or role_arn")
                    .notNeeded(Prerequisite.AWS_PERMISSIONS, "no AWS access");
            return;
        }
        AccessProbe.Result r = AccessProbe.run(settings);
        if (r.failure() != null) {
            into.failed(Prerequisite.AWS_ACCESS, r.failure(), student.roleArn() == null ? null
                    : "Fix: the student deploys the role from `labcheck onboard` with this external id and sends back"
                    + " its ARN; the judges' identity needs sts:AssumeRole.")
                    .skipped(Prerequisite.AWS_PERMISSIONS, "no AWS access");
            return;
        }
        into.ok(Prerequisite.AWS_ACCESS, r.identity());
        if (!r.denied().isEmpty()) {
            into.failed(Prerequisite.AWS_PERMISSIONS, "AccessDenied on " + String.join(", ",
                    new java.util.TreeSet<>(r.denied().keySet())) + ": those facts would be unverifiable", REDEPLOY);
        } else if (!r.other().isEmpty()) {
            into.ok(Prerequisite.AWS_PERMISSIONS, "none denied; not answered: " + r.other().values().stream()
                    .map(u -> u.message()).sorted().findFirst().orElse("") + (r.other().size() > 1 ? " (and "
                    + (r.other().size() - 1) + " more)" : ""));
        } else {
            into.ok(Prerequisite.AWS_PERMISSIONS, null);
        }
    }

    private void throughSsh(RosterEntry student, AwsSettings aws, long end, Readiness into) {
        SshSettings ssh;
        try {
            ssh = RosterWayIn.ssh(student.ssh(), env);
        } catch (IllegalArgumentException e) {
            failed(into, Prerequisite.SSH_LOGIN, "The roster's SSH columns cannot be used: " + e.getMessage(), null);
            skipInstance(into);
            return;
        }
        boolean pushed = ssh.viaInstanceConnect();
        if (pushed && aws == null) {
            failed(into, Prerequisite.SSH_LOGIN, "ssh_via instance-connect pushes a one-time key with the row's AWS"
                    + " access, and it cannot be used (see aws_access).", "Fix the roster's row " + student.row()
                    + ": its region, profile or role_arn.");
            skipInstance(into);
            return;
        }
        // the same way in as grading: a key file, or a key pushed to the instance found at ssh_host
        ThroughSsh.Opener way = pushed ? new InstanceConnectWay(ssh, aws, instanceAt(student, aws), line -> { })
                : ThroughSsh.withKeyFile(ssh, line -> { });
        try (Reach reach = way.open(end)) {
            into.ok(Prerequisite.SSH_LOGIN, reach.target() + (pushed ? " with a one-time key pushed by EC2 Instance"
                    + " Connect" : ""));
            int appPort = RosterEntry.port(student.appUrl(), 5001);
            Integer local = forward(reach, appPort, Prerequisite.APP_HEALTH, end, into);
            if (local == null) {
                into.skipped(Prerequisite.APP_HEALTH, "no forward").skipped(Prerequisite.BASELINE_HEALTH, "no forward");
                return;
            }
            into.ok(Prerequisite.SSH_FORWARD, "localhost:" + appPort + " on the instance");
            health(Prerequisite.APP_HEALTH, AppTarget.at("http://localhost:" + appPort).via("127.0.0.1", local),
                    "Fix: start the cache app on the instance so it listens on port " + appPort + ", or correct"
                    + " app_url's port.", end, into);
            if (student.baselineUrl() == null) {
                into.notNeeded(Prerequisite.BASELINE_HEALTH, "no baseline_url");
                return;
            }
            int basePort = RosterEntry.port(student.baselineUrl(), 5000);
            Integer baseLocal = forward(reach, basePort, Prerequisite.BASELINE_HEALTH, end, into);
            if (baseLocal != null) {
                health(Prerequisite.BASELINE_HEALTH, AppTarget.at("http://localhost:" + basePort)
                        .via("127.0.0.1", baseLocal), "Fix: start the no-cache app on the instance so it listens on"
                        + " port " + basePort + ", or correct baseline_url's port.", end, into);
            }
        } catch (ReachException e) {
            failed(into, Prerequisite.SSH_LOGIN, e.getMessage(), pushed ? "Fix: check ssh_user (ec2-user on Amazon"
                    + " Linux, ubuntu on Ubuntu), ssh_host (the instance's public address) and ssh_port."
                    : "Fix: check ssh_user, ssh_host, ssh_port and ssh_key against the instance's key pair.");
            skipInstance(into);
        }
    }

    /**
     * The AWS evidence EC2 Instance Connect needs, and only that: the instance at the row's SSH address and its
     * security groups, within the settings' budget (a failure is left in the evidence, for the way in to name).
     */
    private static Evidence instanceAt(RosterEntry student, AwsSettings aws) {
        Evidence none = Evidence.empty(student.subject("aws"), Instant.now().toString());
        try (AwsCollector collector = AwsCollector.create(aws)) {
            return collector.instancesAt(none, student.ssh().host());
        } catch (AwsSetupException e) {
            return none.toBuilder().instances(Fact.unavailable(new Unavailable("AwsSetup", null, e.getMessage())))
                    .build();
        }
    }

    /** A forward to the instance's localhost:port, or null with the cause recorded on {@code failing}. */
    private static Integer forward(Reach reach, int port, Prerequisite failing, long end, Readiness into) {
        try {
            return reach.forward("localhost", port, cap(STEP, end));
        } catch (ReachException e) {
            if (failing == Prerequisite.APP_HEALTH) {
                into.failed(Prerequisite.SSH_FORWARD, e.getMessage(), "Fix: allow TCP forwarding in the instance's"
                        + " sshd (AllowTcpForwarding yes, the default) and start the app on port " + port + ".");
            } else {
                into.failed(failing, e.getMessage(), "Fix: start the no-cache app on the instance (port " + port
                        + ").");
            }
            return null;
        }
    }

    private static void health(Prerequisite p, AppTarget app, String fix, long end, Readiness into) {
        String why = HealthCheck.problem(app, cap(STEP, end));
        if (why == null) {
            into.ok(p, "GET " + app.url() + "/health answered");
        } else {
            into.failed(p, why, fix);
        }
    }

    private static void direct(Prerequisite p, String url, String column, long end, Readiness into) {
        if (url == null) {
            into.notNeeded(p, "no " + column);
            return;
        }
        health(p, AppTarget.at(url), "Fix: start the app, and open its port to the judges' address (or add the"
                + " roster's SSH columns to reach it through the instance).", end, into);
    }

    /** The cause, and its fix: the message's own "Fix: ..." when it has one, else {@code otherwise}. */
    private static void failed(Readiness into, Prerequisite p, String message, String otherwise) {
        int fix = message.indexOf(" Fix: ");
        into.failed(p, fix < 0 ? message : message.substring(0, fix), fix < 0 ? otherwise : message.substring(fix + 1));
    }

    private static void skipInstance(Readiness into) {
        into.skipped(Prerequisite.SSH_FORWARD, "no SSH login").skipped(Prerequisite.APP_HEALTH, "no SSH login")
                .skipped(Prerequisite.BASELINE_HEALTH, "no SSH login");
    }

    /** {@code d}, or what is left until {@code end} if less (never under half a second). */
    private static Duration cap(Duration d, long end) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        Duration c = d.compareTo(left) < 0 ? d : left;
        return c.compareTo(LEAST) < 0 ? LEAST : c;
    }
}
