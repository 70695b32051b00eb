package labcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import labcheck.checks.CheckCatalog;
import labcheck.demo.Demo;
import labcheck.demo.DemoLab;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code labcheck demo}: grades the reference app end to end with nothing but Java: embedded
 * Redis and MariaDB, the app in both modes, the live probe, and a sample account's AWS evidence.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Grade the reference app live on embedded Redis and MariaDB (no AWS account needed).",
            "The AWS items are graded from a sample account's evidence, labelled so in every output."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3})
public class DemoCommand extends GuardedCommand {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "labcheck-demo",
            description = "Directory for evidence.json and the scoresheets (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lab-jar", paramLabel = "FILE",
            description = {"The reference app's jar holding the embedded lab (default: env " + DemoLab.ENV + ",",
                "then reference-app.jar beside labcheck.jar, then ../../reference-app/target/reference-app.jar)."})
    Path labJar;

    @Mixin
    TemplatesOption templates = new TemplatesOption();

    @Override
    protected int run() {
        Reports reports = templates.reports().studentFacing();
        var rubric = CommandSupport.load(null);
        DemoLab.Source source = DemoLab.locate(labJar, System.getenv());
        PrintWriter err = err();
        AtomicReference<DemoLab> running = new AtomicReference<>();
        // Ctrl-C: stop the servers the demo started before the JVM exits
        Thread stopper = new Thread(() -> {
            DemoLab lab = running.getAndSet(null);
            if (lab != null) {
                lab.close();
            }
        }, "labcheck-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Evidence evidence;
        try {
            evidence = Demo.run(source, Clock.systemUTC(), line -> {
                err.println("labcheck demo: " + line);
                err.flush();
            }, running::set);
            running.set(null);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already and stops the lab
            }
        }
        Path bundle = EvidenceBundle.write(out, evidence);
        Scoresheet sheet = CheckCatalog.grader(rubric).grade(evidence);
        int code = CommandSupport.publish(out(), reports, sheet, out, bundle, System.getenv());
        out().println("Open " + out.resolve("scoresheet.html").toAbsolutePath() + " in a browser for the full sheet.");
        out().flush();
        return code;
    }
}
