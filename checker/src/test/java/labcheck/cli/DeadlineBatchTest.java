package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import labcheck.collect.FakeAws;
import labcheck.collect.Labs;
import labcheck.collect.ReadOnlyGuard;
import labcheck.collect.TrailResponder;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code labcheck batch --deadline} and {@code --collect-only} end to end: the production grading
 * ({@link LiveGrading}) against the fake AWS (WireMock, AWS-shaped answers; CloudTrail's LookupEvents
 * in JSON 1.1), through the SDK's own endpoint setting, as a judge would point it at an emulator.
 */
@ExtendWith(ReadOnlyGuard.Verify.class)
class DeadlineBatchTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String DEADLINE = NOW.minus(Duration.ofHours(3)).toString();
    private static final Instant OPENED = NOW.minus(Duration.ofHours(1));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FakeAws aws;
    private Path roster;

    @BeforeEach
    void startAws() throws Exception {
        aws = FakeAws.start(Labs.good());
        // the SDK's own setting (AWS_ENDPOINT_URL in a shell): every client of every roster row goes there
        System.setProperty("aws.endpointUrl", aws.url());
        roster = Files.writeString(dir.resolve("roster.csv"), "student_id,name,region\ns1,Ada,us-east-1\n");
    }

    @AfterEach
    void stopAws() {
        System.clearProperty("aws.endpointUrl");
        aws.close();
    }

    private int batch(String... args) {
        CommandLine cmd = new CommandLine(new BatchCommand(new LiveGrading(Map.of(), Clock.systemUTC()), Map.of()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private void securityGroupOpenedAfterTheDeadline() {
        aws.trail(List.of(TrailResponder.Event.write("ev-open", "AuthorizeSecurityGroupIngress", OPENED,
                "ec2.amazonaws.com", "AWS::EC2::SecurityGroup", "sg-0redis", "{\"groupId\":\"sg-0redis\"}")));
    }

    @Test
    void aSecurityGroupOpenedAfterTheDeadlineShowsOnTheSheetAndInTheSummary() throws Exception {
        securityGroupOpenedAfterTheDeadline();
        Path results = dir.resolve("results");

        int exit = batch(roster.toString(), "--out", results.toString(), "--deadline", DEADLINE, "--progress", "lines");

        assertThat(exit).as(err.toString()).isEqualTo(3);
        String sheet = Files.readString(results.resolve("s1/scoresheet.json"));
        assertThat(sheet).contains("\"findingDetails\"", "\"id\" : \"changed_after_deadline\"", "\"event\" : \"AuthorizeSecurityGroupIngress\"",
                "\"resource\" : \"EC2 security group sg-0redis\"", "\"principal\" : \"arn:aws:iam::123456789012:user/student\"",
                "\"time\" : \"" + OPENED + "\"");
        assertThat(Files.readString(results.resolve("s1/scoresheet.txt")))
                .contains("EC2 security group sg-0redis was changed after the deadline " + DEADLINE
                        + ": AuthorizeSecurityGroupIngress at " + OPENED);
        String summary = Files.readString(results.resolve("summary.html"));
        assertThat(summary).contains("<table id=\"flag-changed-after-deadline\">",
                "<td>s1</td><td>EC2 security group sg-0redis</td><td>AuthorizeSecurityGroupIngress</td><td>"
                        + OPENED + "</td><td>arn:aws:iam::123456789012:user/student</td>",
                "changed after the deadline");
        assertThat(Files.readString(results.resolve("s1/evidence.json"))).contains("\"deadline\" : \"" + DEADLINE + "\"");
    }

    @Test
    void withoutCloudTrailsPermissionTheSheetSaysWhatToGrant() throws Exception {
        securityGroupOpenedAfterTheDeadline();
        aws.deny("cloudtrail:LookupEvents");
        Path results = dir.resolve("results");

        batch(roster.toString(), "--out", results.toString(), "--deadline", DEADLINE);

        assertThat(Files.readString(results.resolve("s1/scoresheet.txt")))
                .contains("CloudTrail's event history could not be read", "grant cloudtrail:LookupEvents");
        String summary = Files.readString(results.resolve("summary.html"));
        assertThat(summary).contains("Grant cloudtrail:LookupEvents to the identity labcheck runs as")
                .contains("<p class=\"none\" id=\"flag-changed-after-deadline\">None");
    }

    @Test
    void collectOnlyKeepsTheSnapshotWhichALiveRunLeavesAndARegradeGrades() throws Exception {
        securityGroupOpenedAfterTheDeadline();
        Path results = dir.resolve("results");

        // WHEN the judges collect at the deadline
        int collected = batch(roster.toString(), "--out", results.toString(), "--collect-only", "--deadline", DEADLINE);

        // THEN the AWS evidence is stored, timestamped, not graded
        assertThat(collected).as(err.toString()).isZero();
        assertThat(Files.readString(results.resolve("s1/result.json"))).contains("\"status\" : \"COLLECTED\"")
                .doesNotContain("scoresheet");
        assertThat(results.resolve("s1/scoresheet.json")).doesNotExist();
        assertThat(Files.readString(results.resolve("s1/evidence.json"))).contains("\"collectedAt\"",
                "\"cacheClusters\"").doesNotContain("\"app\" : {\n    \"value\"");
        assertThat(Files.readString(results.resolve("marks.csv"))).contains("s1,Ada,collected");
        String snapshot = Files.readString(results.resolve("s1/evidence.json"));

        // WHEN a live run goes over the same folder, THEN it leaves the snapshot and says how to grade it
        aws.trail(List.of());
        batch(roster.toString(), "--out", results.toString());
        assertThat(err.toString()).contains("1 student(s) hold AWS evidence collected with --collect-only (s1)",
                "--regrade-from-evidence");
        assertThat(Files.readString(results.resolve("s1/evidence.json"))).isEqualTo(snapshot);

        // WHEN it is regraded offline, THEN the change after the deadline it recorded is flagged
        int regraded = batch("--regrade-from-evidence", "--out", results.toString());
        assertThat(regraded).isEqualTo(3);
        assertThat(Files.readString(results.resolve("s1/scoresheet.json"))).contains("changed_after_deadline");
        assertThat(Files.readString(results.resolve("marks.csv"))).contains("s1,Ada,marks_lost");
    }

    @Test
    void aDeadlineWithoutAZoneIsRefusedAsAmbiguous() {
        int exit = batch(roster.toString(), "--out", dir.resolve("r").toString(), "--deadline", "2026-12-05T17:00:00");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'2026-12-05T17:00:00' has no time zone, so it is ambiguous (17:00:00"
                + " where?). Fix: add the zone, e.g. 2026-12-05T17:00:00Z (UTC) or 2026-12-05T18:00:00+01:00.");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aDateAloneOrGarbageIsRefusedNamingTheForm() {
        assertThat(batch(roster.toString(), "--deadline", "2026-12-05")).isEqualTo(2);
        assertThat(err.toString()).contains("'2026-12-05' is a date without a time and a zone.");
        assertThat(batch(roster.toString(), "--deadline", "tomorrow 5pm")).isEqualTo(2);
        assertThat(err.toString()).contains("'tomorrow 5pm' is not an ISO-8601 time with a zone.");
    }

    @Test
    void aRegradeFromEvidenceRefusesToCollectOrReadCloudTrail() {
        assertThat(batch("--regrade-from-evidence", "--out", dir.toString(), "--deadline", DEADLINE)).isEqualTo(2);
        assertThat(err.toString()).contains("--regrade-from-evidence grades the stored evidence offline");
    }
}
