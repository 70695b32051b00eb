package labcheck.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import labcheck.batch.Deadline;
import labcheck.batch.Grading;
import labcheck.batch.RosterEntry;
import labcheck.batch.StudentResult;
import labcheck.checks.CheckCatalog;
import labcheck.collect.AwsSettings;
import labcheck.engine.Grader;
import labcheck.evidence.Evidence;
import labcheck.evidence.Subject;
import labcheck.probe.ProbeSettings;
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
        Rubric rubric = CheckCatalog.rubric(rubricFile);
        Grader grader = CheckCatalog.grader(rubric);
        Reports reports = Reports.withTemplates(templates);
        return new Grading((student, deadline) -> grade(student, deadline, rubric, grader), grader::grade,
                (sheet, dir) -> reports.writeAll(sheet, dir));
    }

    private StudentResult grade(RosterEntry student, Deadline deadline, Rubric rubric, Grader grader) {
        String clusterId = student.clusterId() == null ? rubric.thresholds().clusterId() : student.clusterId();
        boolean wantAws = student.region() != null || student.profile() != null || student.roleArn() != null;
        AwsSettings aws = wantAws ? AwsSettings.builder().region(student.region()).profile(student.profile())
                .roleArn(student.roleArn()).externalId(student.externalId()).clusterId(clusterId)
                .appUrl(student.appUrl()).build() : null;
        ProbeSettings probe = null;
        if (student.appUrl() != null) {
            Duration left = deadline.remaining().minusSeconds(wantAws ? 30 : 0);
            probe = new ProbeRequest(student.appUrl(), student.baselineUrl(), student.redis(), null, null,
                    student.dbUrl(), student.dbUser(), student.dbPasswordEnv(), rubric.thresholds().requestsPerApp(),
                    0, left.compareTo(MIN_PROBE) < 0 ? MIN_PROBE : left, null).settings(env);
        }
        Subject subject = new Subject(student.studentId(), student.name(), student.region(), clusterId,
                student.appUrl(), student.baselineUrl(), wantAws ? "aws" : "none");
        Evidence evidence;
        try {
            evidence = LiveRun.gather(new LiveRun.Plan(subject, aws, probe), clock, line -> { }, deadline::checkpoint);
        } finally {
            if (probe != null) {
                probe.clearSecrets();
            }
        }
        return new StudentResult(evidence, grader.grade(evidence));
    }
}
