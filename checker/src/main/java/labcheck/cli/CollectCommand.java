package labcheck.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import labcheck.collect.AwsCollector;
import labcheck.collect.AwsSettings;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code labcheck collect --out DIR}: reads the student's AWS account (read-only) and writes
 * the evidence bundle, to be graded later with {@code labcheck grade DIR}.
 *
 * <pre>{@code
 * labcheck collect --out bundles/alice --region us-east-1 --profile alice
 * labcheck collect --out bundles/bob --role-arn arn:aws:iam::123456789012:role/labcheck --external-id x
 * }</pre>
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Collect evidence from AWS (read-only) into DIR/evidence.json, without grading.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evidence collected (some parts may be unavailable; see the output)",
                "1:internal error", "2:usage or credential error (the message says what to fix)"})
public final class CollectCommand extends GuardedCommand {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for evidence.json.")
    Path out;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--app", paramLabel = "URL", description = "The cache app's URL, to recognise its EC2 host.")
    String appUrl;

    @Option(names = "--student", description = "Student id recorded in the bundle.")
    String studentId;

    @Mixin
    DeadlineOption deadline = new DeadlineOption();

    Clock clock = Clock.systemUTC();

    @Override
    protected String prefix() {
        return "labcheck collect: ";
    }

    @Override
    protected int run() {
        OutputDir.prepare(out, "--out");
        AwsSettings settings = aws.settings(appUrl, "product-cache-cluster");
        try (AwsCollector collector = AwsCollector.create(settings)) {
            Subject subject = new Subject(studentId, null, collector.region(), settings.clusterId(), appUrl,
                    null, aws.source());
            Evidence evidence = collector.collect(Evidence.empty(subject, clock.instant().toString())
                    .withDeadline(deadline.value()));
            Path file = EvidenceBundle.write(out, evidence);
            report(evidence, file, out());
            return 0;
        }
    }

    private void report(Evidence e, Path file, java.io.PrintWriter out) {
        List<Fact<?>> facts = List.of(e.identity(), e.cacheClusters(), e.replicationGroups(), e.serverlessCaches(),
                e.cacheSubnetGroups(), e.subnets(), e.routeTables(), e.securityGroups(), e.instances(),
                e.dbInstances(), e.alarms());
        long missing = facts.stream().filter(f -> !f.available()).count();
        String who = e.identity().available() ? " as " + e.identity().value().arn() : "";
        out.println("Collected " + (facts.size() - missing) + " of " + facts.size() + " AWS facts in "
                + e.subject().region() + who + " into " + file + ".");
        e.notes().forEach(n -> out.println("  note: " + n));
        facts.stream().filter(f -> !f.available()).map(f -> f.unavailable().describe()).distinct()
                .forEach(m -> out.println("  unavailable: " + m));
        if (e.deadline() != null) {
            out.println("  deadline " + e.deadline() + ": " + (e.cloudTrail().available()
                    ? e.cloudTrail().value().events().size() + " write(s) on the lab's resources after it in CloudTrail"
                    + (e.cloudTrail().value().truncation() == null ? "." : "; " + e.cloudTrail().value().truncation())
                    : "CloudTrail unavailable: " + e.cloudTrail().unavailable().describe()));
        }
    }
}
