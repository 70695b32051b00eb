package labcheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcheck.collect.AwsSettings;
import labcheck.probe.Prerequisites;
import labcheck.probe.Prerequisites.Line;
import labcheck.probe.ProbeSettings;
import labcheck.reach.Imds;
import labcheck.reach.SshSettings;
import labcheck.run.LiveDoctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code labcheck doctor}: before grading, one line per prerequisite (the instance metadata, the password
 * variable, the apps listening and {@code /health}; with AWS access the identity and each action of the
 * read-only policy, the endpoints AWS names; each endpoint's name, TCP connect and login), each OK, the
 * fix, or (SKIP) what would check it. Nothing is graded and nothing is written; the questions run in
 * parallel and the whole is bounded by {@link #TOTAL}.
 *
 * <pre>{@code
 * labcheck doctor                                  # on the instance: its role, localhost:5001/5000, endpoints from AWS
 * labcheck doctor --profile student42 --region us-east-1 --ssh ec2-user@3.80.1.2 --ssh-key lab.pem
 * labcheck doctor --app http://localhost:5001 --redis my-cache.abc.cache.amazonaws.com:6379 \
 *     --db-url jdbc:mysql://mydb.abc.rds.amazonaws.com:3306/ecommerce --db-user admin
 * }</pre>
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, defaultValueProvider = YamlDefaults.class,
        description = {"Check the prerequisites of a grading (apps listening, /health, Redis and the database: name,"
            + " connect, login; DB_PASSWORD; IMDS; with AWS access each permission of the policy and the endpoints"
            + " AWS names): one line each, OK or the fix. Nothing is graded or written; under 10 s."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every prerequisite checked holds", ExitCodes.HELP_1, ExitCodes.HELP_2,
            "3:a prerequisite does not hold (its line says the fix)"})
public class DoctorCommand extends GuardedCommand {

    /** The most the whole may take after the metadata question (1 s): the lines are promised in under 10 s. */
    static final Duration TOTAL = Duration.ofSeconds(8);

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    @Mixin
    SshOptions ssh = new SshOptions();

    Map<String, String> env = System.getenv();

    /** The bound of everything after the metadata question; a test against a slow emulator may widen it. */
    Duration total = TOTAL;

    @Override
    protected int run() {
        YamlDefaults.locate(env).requireKnownKeys(spec); // a broken labcheck.yaml is reported, never ignored
        SshSettings through = ssh.settings(env);
        boolean flags = probe.requested() || through != null || aws.requested(env);
        List<Line> lines = new ArrayList<>();
        Optional<Imds.Instance> here = through != null ? Optional.empty() : Imds.locate(env, Duration.ofSeconds(1));
        lines.add(here.map(i -> Line.ok("The instance metadata service (IMDSv2) answers: EC2 instance "
                + i.instanceId() + " in " + i.region() + "."))
                .orElse(flags ? Line.ok("Not on EC2 (IMDSv2 " + (through != null ? "not asked: --ssh" : "did not"
                        + " answer") + "); the flags say where the lab is.")
                : Line.fail("The instance metadata service (IMDSv2) did not answer.",
                        "run labcheck on the lab's EC2 instance (with IMDSv2 enabled), or give --app URL and the"
                        + " endpoints as flags.")));
        if (here.isPresent() && aws.region == null) {
            aws.region = env.getOrDefault("AWS_REGION", here.get().region());
        }
        boolean wantAws = aws.requested(env) || here.isPresent();
        probe.defaultToInstance();
        String passwordVar = probe.dbPasswordEnv == null ? "DB_PASSWORD" : probe.dbPasswordEnv;
        boolean passwordSet = env.get(passwordVar) != null && !env.get(passwordVar).isEmpty();
        if (probe.dbUrl != null || passwordSet || wantAws) {
            lines.add(passwordSet ? Line.ok(passwordVar + " is set.")
                    : Line.fail(passwordVar + " is not set, so the database cannot be read.",
                            "read -rs " + passwordVar + "; export " + passwordVar + " (the RDS master password),"
                            + " then run labcheck again."));
        }
        if (!passwordSet) {
            probe.dbUrl = null;   // asked without the password, the login would only say what the line above says
        }
        String clusterId = aws.clusterId(CommandSupport.load(null).thresholds().clusterId());
        AwsSettings awsSettings = wantAws ? aws.settings(probe.appUrl, clusterId) : null;
        ProbeSettings settings = probe.request(100, through != null).settings(env);
        try {
            lines.addAll(LiveDoctor.check(new LiveDoctor.Request(awsSettings, settings, through, passwordVar, total)));
        } finally {
            settings.close();
        }
        PrintWriter out = out();
        lines.forEach(out::println);
        long failing = lines.stream().filter(Line::failed).count();
        long skipped = lines.stream().filter(l -> l.status() == Prerequisites.Status.SKIP).count();
        long checked = lines.size() - skipped;
        String notChecked = skipped == 0 ? "" : " (" + skipped + " not checked: see the SKIP lines)";
        out.println(failing == 0 ? "All " + checked + " prerequisites checked hold" + notChecked
                + ": run labcheck check."
                : failing + " of " + checked + " prerequisites checked do not hold" + notChecked + "; fix them, then"
                + " run labcheck doctor again.");
        out.flush();
        return failing == 0 ? ExitCodes.ALL_MARKS : ExitCodes.MARKS_LOST;
    }
}
