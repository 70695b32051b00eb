package labcheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcheck.probe.Prerequisites;
import labcheck.probe.ProbeSettings;
import labcheck.reach.Imds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code labcheck doctor}: before grading, one line per prerequisite (the apps listening, {@code /health},
 * Redis, the database login, the password variable, the instance metadata), each OK or its fix. Nothing
 * is graded and nothing is written; each question is short and they run in parallel.
 *
 * <pre>{@code
 * labcheck doctor                                  # on the instance: localhost:5001 and 5000
 * labcheck doctor --app http://localhost:5001 --redis my-cache.abc.cache.amazonaws.com:6379 \
 *     --db-url jdbc:mysql://mydb.abc.rds.amazonaws.com:3306/ecommerce --db-user admin
 * }</pre>
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, defaultValueProvider = YamlDefaults.class,
        description = {"Check the prerequisites of a grading (apps listening, /health, Redis, the database login,"
            + " DB_PASSWORD, IMDS): one line each, OK or the fix. Nothing is graded or written."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every prerequisite holds", ExitCodes.HELP_1, ExitCodes.HELP_2,
            "3:a prerequisite does not hold (its line says the fix)"})
public class DoctorCommand extends GuardedCommand {

    /** Each question's bound; they run in parallel, so the whole stays well under 10 s. */
    static final Duration EACH = Duration.ofSeconds(2);

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    Map<String, String> env = System.getenv();

    @Override
    protected int run() {
        boolean flags = probe.requested();
        List<Prerequisites.Line> lines = new ArrayList<>();
        Optional<Imds.Instance> here = Imds.locate(env, Duration.ofSeconds(1));
        lines.add(here.map(i -> new Prerequisites.Line(true, "The instance metadata service (IMDSv2) answers: EC2"
                + " instance " + i.instanceId() + " in " + i.region() + ".", null))
                .orElse(flags ? new Prerequisites.Line(true, "Not on EC2 (IMDSv2 did not answer); the flags say where"
                        + " the lab is.", null)
                : new Prerequisites.Line(false, "The instance metadata service (IMDSv2) did not answer.",
                        "run labcheck on the lab's EC2 instance (with IMDSv2 enabled), or give --app URL and the"
                        + " endpoints as flags.")));
        probe.defaultToInstance();
        String passwordVar = probe.dbPasswordEnv == null ? "DB_PASSWORD" : probe.dbPasswordEnv;
        boolean passwordSet = env.get(passwordVar) != null && !env.get(passwordVar).isEmpty();
        if (probe.dbUrl != null || passwordSet) {
            lines.add(passwordSet ? new Prerequisites.Line(true, passwordVar + " is set.", null)
                    : new Prerequisites.Line(false, passwordVar + " is not set, so the database cannot be read.",
                            "read -rs " + passwordVar + "; export " + passwordVar + " (the RDS master password),"
                            + " then run labcheck again."));
        }
        if (!passwordSet) {
            probe.dbUrl = null;   // asked without the password, the login would only say what the line above says
        }
        ProbeSettings settings = probe.request(100).settings(env);
        try {
            lines.addAll(Prerequisites.check(settings, EACH));
        } finally {
            settings.close();
        }
        PrintWriter out = out();
        lines.forEach(out::println);
        long failing = lines.stream().filter(l -> !l.ok()).count();
        out.println(failing == 0 ? "All " + lines.size() + " prerequisites hold: run labcheck check."
                : failing + " of " + lines.size() + " prerequisites do not hold; fix them, then run labcheck doctor"
                + " again.");
        out.flush();
        return failing == 0 ? ExitCodes.ALL_MARKS : ExitCodes.MARKS_LOST;
    }
}
