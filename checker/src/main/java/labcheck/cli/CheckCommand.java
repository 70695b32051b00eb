package labcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import labcheck.checks.CheckCatalog;
import labcheck.collect.AwsSettings;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Subject;
import labcheck.probe.ProbeSettings;
import labcheck.reach.Imds;
import labcheck.reach.SshSettings;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import labcheck.run.LiveRun;
import labcheck.run.ProbeRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code labcheck check}: one student, live: AWS (read-only, when a region or profile is
 * known), the app probe (when {@code --app} is given), grading, and every scoresheet format.
 *
 * <pre>{@code
 * # a student on the EC2 instance (the instance role reads AWS; Redis is reachable from here)
 * labcheck check --region us-east-1 --app http://localhost:5001 --baseline http://localhost:5000 \
 *     --redis product-cache-cluster.abc123.0001.use1.cache.amazonaws.com:6379
 * # an instructor or a judge, from their own machine, through the instance (apps at its localhost:5001/5000)
 * labcheck check --profile student42 --ssh ec2-user@3.80.1.2 --ssh-key lab.pem \
 *     --redis product-cache-cluster.abc123.0001.use1.cache.amazonaws.com:6379
 * }</pre>
 * Options may also come from {@code labcheck.yaml} (keys are the long option names).
 */
@Command(name = "check", mixinStandardHelpOptions = true, defaultValueProvider = YamlDefaults.class,
        description = {"Grade one student live: read AWS (read-only), probe the app, write the scoresheets.",
            "Options may also be set in ./labcheck.yaml (or the file LABCHECK_CONFIG names)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3})
public class CheckCommand extends GuardedCommand {

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    @Mixin
    SshOptions ssh = new SshOptions();

    @Mixin
    DeadlineOption deadline = new DeadlineOption();

    @Option(names = "--student", description = "Student id shown on the scoresheet.")
    String studentId;

    @Option(names = "--name", description = "Student name shown on the scoresheet.")
    String name;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric YAML (default: the shipped redis-caching-lab.yaml).")
    Path rubric;

    @Mixin
    TemplatesOption templates = new TemplatesOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "labcheck-out",
            description = "Directory for evidence.json and the scoresheets (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * On an EC2 instance with nothing said about the app: the region and instance from IMDSv2,
     * the apps on localhost:5001/5000, the endpoints from AWS; prints what it assumed.
     */
    private boolean zeroConfig() {
        Optional<Imds.Instance> here = Imds.locate(env, Duration.ofSeconds(1));
        if (here.isEmpty()) {
            return false;
        }
        String region = aws.region != null ? aws.region : env.getOrDefault("AWS_REGION", here.get().region());
        aws.region = region;
        probe.defaultToInstance();
        err().println("labcheck: running on EC2 instance " + here.get().instanceId() + " (IMDSv2): assuming --region "
                + region + " --app " + probe.appUrl + " --baseline " + probe.baselineUrl + ", and the Redis and"
                + " database endpoints found in AWS. Give any of these flags to override.");
        return true;
    }

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    protected int run() {
        YamlDefaults.locate(env).requireKnownKeys(spec); // a broken labcheck.yaml is reported, never ignored
        Rubric chosen = CommandSupport.load(rubric);
        Reports reports = templates.reports();
        OutputDir.prepare(out, "--out"); // before the probe: its minutes of evidence must have somewhere to go
        boolean wantAws = aws.requested(env);
        SshSettings sshSettings = ssh.settings(env);
        if (sshSettings != null) {
            probe.defaultToInstance();
        } else if (!probe.requested()) {
            wantAws |= zeroConfig();
        }
        if (!wantAws && !probe.requested()) {
            throw new IllegalArgumentException("nothing to check. Fix: give --app URL (and --baseline URL) to grade"
                    + " the app, and --region/--profile to read AWS; `labcheck demo` shows a full run.");
        }
        String clusterId = aws.clusterId(chosen.thresholds().clusterId());
        ProbeSettings probeSettings = probe.requested()
                ? ProbeRequestBuilder.builder(probe.request(chosen.thresholds().requestsPerApp(), sshSettings != null))
                .resetCachedKeys(chosen.thresholds().resetCachedProductKeys()).build().settings(env) : null;
        AwsSettings awsSettings = wantAws ? aws.settings(probe.appUrl, clusterId) : null;
        Subject subject = new Subject(studentId, name, aws.region, clusterId, probe.appUrl, probe.baselineUrl,
                wantAws ? aws.source() : "none");
        PrintWriter err = err();
        if (!wantAws) {
            err.println("labcheck: no AWS region or profile given: the AWS items are skipped (unverifiable)."
                    + " Add --region us-east-1 (and --profile NAME, or run on the EC2 instance with its role).");
        }
        Evidence evidence;
        try {
            LiveRun.Plan plan = new LiveRun.Plan(subject, awsSettings, probeSettings, sshSettings,
                    sshSettings == null ? null : probe.sourceText());
            evidence = LiveRun.gather(plan, deadline.value(), clock,
                    line -> { err.println("labcheck: " + line); err.flush(); }, e -> { });
        } finally {
            if (probeSettings != null) {
                probeSettings.close();
            }
        }
        Path bundle = EvidenceBundle.write(out, evidence);
        Scoresheet sheet = CheckCatalog.grader(chosen).grade(evidence);
        return CommandSupport.publish(out(), reports, sheet, out, bundle, env);
    }
}
