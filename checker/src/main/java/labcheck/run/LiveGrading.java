package labcheck.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import labcheck.batch.CredentialsRejected;
import labcheck.batch.Deadline;
import labcheck.batch.Grading;
import labcheck.batch.GradingMode;
import labcheck.batch.RosterEntry;
import labcheck.batch.StudentResult;
import labcheck.checks.CheckCatalog;
import labcheck.collect.AwsSettings;
import labcheck.collect.AwsSetupException;
import labcheck.engine.Grader;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.Unavailable;
import labcheck.probe.ProbeSettings;
import labcheck.reach.SshSettings;
import labcheck.report.Reports;
import labcheck.rubric.Rubric;

/**
 * The production grading of {@code labcheck batch}: for each roster row, AWS (as the row's
 * profile or role), then the app probe within what is left of the student's budget, then the
 * rubric. {@code labcheck batch} wires it in {@code BatchCommand}.
 */
public final class LiveGrading implements Grading.Factory {

    /** The least time worth giving the app probe; below it the student is cut short. */
    private static final Duration MIN_PROBE = Duration.ofSeconds(5);
    private final Map<String, String> env;
    private final Clock clock;

    public LiveGrading() {
        this(System.getenv(), Clock.systemUTC());
    }

    public LiveGrading(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Grading open(Path rubricFile, Path templates) {
        return open(rubricFile, templates, GradingMode.LIVE);
    }

    /**
     * With {@code mode.collectOnly()}, each student's AWS evidence only, stored to be graded later.
     * Checked before the first student: a passphrase typed where its variable's name belongs stops the run.
     */
    @Override
    public Grading open(Path rubricFile, Path templates, GradingMode mode) {
        RosterWayIn.passphraseVariable(env);
        Rubric rubric = CheckCatalog.rubric(rubricFile);
        Grader grader = CheckCatalog.grader(rubric);
        Reports reports = Reports.withTemplates(templates).compiled();
        return new Grading((student, budget) -> mode.collectOnly() ? collect(student, budget, rubric, mode)
                : grade(student, budget, rubric, grader, mode), grader::grade,
                (sheet, dir) -> reports.writeAll(sheet, dir));
    }

    /** {@code batch --collect-only}: the row's AWS evidence at this moment, no probe, no grading. */
    private StudentResult collect(RosterEntry student, Deadline budget, Rubric rubric, GradingMode mode) {
        AwsSettings aws = awsSettings(student, rubric);
        if (aws == null) {
            throw new IllegalArgumentException("row " + student.row() + " names no AWS access (region, profile or"
                    + " role_arn), so there is nothing to collect; add them to the roster.");
        }
        Subject subject = new Subject(student.studentId(), student.name(), student.region(), aws.clusterId(),
                student.appUrl(), student.baselineUrl(), "aws");
        Evidence evidence = LiveRun.gather(new LiveRun.Plan(subject, aws, null), mode.deadline(), clock, line -> { },
                budget::checkpoint);
        rejected(student, evidence);
        return StudentResult.collected(evidence);
    }

    /** The row's AWS access, or null when it names none. */
    private static AwsSettings awsSettings(RosterEntry student, Rubric rubric) {
        String clusterId = student.clusterId() == null ? rubric.thresholds().clusterId() : student.clusterId();
        boolean wantAws = student.region() != null || student.profile() != null || student.roleArn() != null;
        // with EC2 Instance Connect the instance is looked up at its SSH address (ssh_host, else app_url's host)
        String appHost = student.ssh() != null && student.ssh().instanceConnect()
                ? "http://" + (student.ssh().host().contains(":") ? "[" + student.ssh().host() + "]"
                : student.ssh().host()) : student.appUrl();
        return wantAws ? AwsSettings.builder().region(student.region()).profile(student.profile())
                .roleArn(student.roleArn()).externalId(student.externalId()).clusterId(clusterId)
                .appUrl(appHost).build() : null;
    }

    /** The judge's session, not this student's lab: every later student would fail alike. */
    private static void rejected(RosterEntry student, Evidence evidence) {
        if (evidence.identity() != null && !evidence.identity().available()
                && AwsSetupException.CREDENTIALS_REJECTED.equals(evidence.identity().unavailable().code())) {
            throw new CredentialsRejected(student.studentId() + ": " + evidence.identity().unavailable().message());
        }
    }

    private StudentResult grade(RosterEntry student, Deadline deadline, Rubric rubric, Grader grader,
                                GradingMode mode) {
        String clusterId = student.clusterId() == null ? rubric.thresholds().clusterId() : student.clusterId();
        AwsSettings aws = awsSettings(student, rubric);
        boolean wantAws = aws != null;
        ProbeSettings probe = null;
        SshSettings ssh = null;
        Unavailable noWayIn = null;
        String appUrl = student.appUrl();
        String baselineUrl = student.baselineUrl();
        if (student.ssh() != null) {
            // through the instance: its own localhost, on the ports the roster's URLs name
            appUrl = "http://localhost:" + RosterEntry.port(student.appUrl(), 5001);
            baselineUrl = "http://localhost:" + RosterEntry.port(student.baselineUrl(), 5000);
            try {
                ssh = RosterWayIn.ssh(student.ssh(), env);
            } catch (IllegalArgumentException e) {
                noWayIn = new Unavailable("Unreachable", "ssh", "The roster's SSH columns cannot be used: "
                        + e.getMessage());
            }
        }
        if (appUrl != null) {
            Duration left = deadline.remaining().minusSeconds(wantAws ? 30 : 0);
            probe = ProbeRequest.builder().appUrl(appUrl).baselineUrl(baselineUrl).redis(student.redis())
                    .dbUrl(student.dbUrl()).dbUser(student.dbUser()).dbPasswordEnv(student.dbPasswordEnv())
                    .requestsPerApp(rubric.thresholds().requestsPerApp())
                    .budget(left.compareTo(MIN_PROBE) < 0 ? MIN_PROBE : left).noWrites(student.noWrites())
                    .resetCachedKeys(rubric.thresholds().resetCachedProductKeys()).build().settings(env);
        }
        Subject subject = new Subject(student.studentId(), student.name(), student.region(), clusterId,
                appUrl, baselineUrl, wantAws ? "aws" : "none");
        Evidence evidence;
        try {
            LiveRun.Plan plan = noWayIn != null ? new LiveRun.Plan(subject, aws, null)
                    : new LiveRun.Plan(subject, aws, probe, ssh, null);
            // one SSH connection per student, opened and closed inside gather
            evidence = LiveRun.gather(plan, mode.deadline(), clock, line -> { }, deadline::checkpoint);
            if (noWayIn != null) {
                evidence = evidence.withApp(Fact.unavailable(noWayIn));
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        if (wantAws) {
            rejected(student, evidence);
        }
        return new StudentResult(evidence, grader.grade(evidence));
    }
}
