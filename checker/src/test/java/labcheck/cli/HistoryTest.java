package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecurityGroup;
import labcheck.history.History;
import labcheck.report.JsonReport;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each run is kept beside {@code --out}, and the sheet says what changed since the last one. */
class HistoryTest {

    private static final String SECURITY_GROUP = "Security group configured (port 6379 from the EC2 instance only)";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The lab done right, or with Redis's port open to the world and not to the app's group. */
    private Path bundle(String name, boolean securityGroupFixed) {
        LabEvidence lab = LabEvidence.correct();
        if (!securityGroupFixed) {
            lab.securityGroups.set(0, new SecurityGroup("sg-redis", "redis-sg", LabEvidence.VPC,
                    List.of(LabEvidence.fromCidr("tcp", 6379, 6379, "0.0.0.0/0"))));
        }
        Path dir = tmp.resolve("bundles").resolve(name);
        EvidenceBundle.write(dir, lab.build());
        return dir;
    }

    private int grade(Path bundle, String... more) {
        CommandLine cmd = new CommandLine(new GradeCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of(bundle.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return cmd.execute(args.toArray(String[]::new));
    }

    private Scoresheet sheet() throws Exception {
        return JsonReport.fromJson(Files.readString(tmp.resolve("out/scoresheet.json")), "scoresheet.json");
    }

    @Test
    void theSecondRunAfterTheSecurityGroupIsFixedSaysZeroToTwo() throws Exception {
        // GIVEN a first run with the security group wrong
        grade(bundle("before", false));
        assertThat(sheet().loop().sinceLastRun()).isEmpty();   // nothing before it to compare with

        // WHEN the student fixes the security group and runs again
        grade(bundle("after", true));

        // THEN every sheet says what changed, and only that
        assertThat(sheet().loop().sinceLastRun()).containsExactly(SECURITY_GROUP + " 0 → 2");
        assertThat(Files.readString(tmp.resolve("out/scoresheet.txt")))
                .contains("Since the last run: " + SECURITY_GROUP + " 0 → 2");
        assertThat(Files.readString(tmp.resolve("out/scoresheet.md"))).contains("0 → 2");
        assertThat(Files.readString(tmp.resolve("out/scoresheet.html"))).contains("id=\"since-last-run\"");
        // AND the history holds two runs of outcomes and marks, no message, no evidence value
        List<String> lines = Files.readAllLines(tmp.resolve(History.FILE));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"security-group\":0.0").contains("\"ec2_redis_port_not_open_to_cidr\":\"FAILED\"")
                .doesNotContain("0.0.0.0/0").doesNotContain("sg-redis").doesNotContain("123456789012");
    }

    @Test
    void aRunThatChangedNothingSaysNothingOfTheLastRun() throws Exception {
        Path same = bundle("same", true);
        grade(same);
        String first = Files.readString(tmp.resolve("out/scoresheet.txt"));

        grade(same);

        assertThat(sheet().loop()).isNull();   // a lab done right: no hint, and nothing changed
        assertThat(Files.readString(tmp.resolve("out/scoresheet.txt")).replaceAll("Graded at .*", ""))
                .isEqualTo(first.replaceAll("Graded at .*", ""));
    }

    @Test
    void theNthFailureInARowShowsTheNthHintAndTheLastOneRepeats() throws Exception {
        // GIVEN the shipped rubric's two hints for the address-range check
        String id = "ec2_redis_port_not_open_to_cidr";
        List<String> hints = labcheck.checks.CheckCatalog.rubric(null).check(id).orElseThrow().hints();
        assertThat(hints).hasSize(2);
        Path wrong = bundle("wrong", false);

        grade(wrong);
        assertThat(sheet().loop().hints()).containsEntry(id, hints.get(0));
        assertThat(Files.readString(tmp.resolve("out/scoresheet.txt"))).contains("Hint: " + hints.get(0));
        grade(wrong);
        assertThat(sheet().loop().hints()).containsEntry(id, hints.get(1));
        grade(wrong);
        assertThat(sheet().loop().hints()).containsEntry(id, hints.get(1));

        // AND once it passes, the count starts again
        grade(bundle("fixed", true));
        assertThat(sheet().loop().hints()).doesNotContainKey(id);
        grade(wrong);
        assertThat(sheet().loop().hints()).containsEntry(id, hints.get(0));
    }

    @Test
    void noHistoryWritesNothingAndSaysNothingOfTheLastRun() throws Exception {
        grade(bundle("before", false), "--no-history");
        grade(bundle("after", true), "--no-history");

        assertThat(tmp.resolve(".labcheck")).doesNotExist();
        assertThat(sheet().loop()).isNull();
    }
}
