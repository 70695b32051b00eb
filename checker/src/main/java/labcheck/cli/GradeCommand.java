package labcheck.cli;

import java.nio.file.Path;
import labcheck.checks.CheckCatalog;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.Reports;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labcheck grade BUNDLE}: grades (or regrades) a saved evidence bundle offline, with no
 * AWS call and no network, e.g. after a rubric fix or an appeal.
 */
@Command(name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grade (or regrade) a saved evidence bundle offline: no AWS, no network.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3})
public class GradeCommand extends GuardedCommand {

    @Parameters(index = "0", paramLabel = "BUNDLE",
            description = "Directory holding evidence.json (from `labcheck collect`), or the file itself.")
    Path bundle;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric YAML to grade with (default: the shipped redis-caching-lab.yaml).")
    Path rubric;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "labcheck-out",
            description = "Directory for the scoresheets (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    TemplatesOption templates = new TemplatesOption();

    @Mixin
    HistoryOption history = new HistoryOption();

    @Override
    protected int run() {
        Reports reports = templates.reports();
        Rubric chosen = CommandSupport.load(rubric);
        Evidence evidence = EvidenceBundle.read(bundle);
        OutputDir.prepare(out, "--out");
        Scoresheet sheet = CheckCatalog.grader(chosen).grade(evidence);
        sheet = history.record(sheet, chosen, out, err());
        return CommandSupport.publish(out(), reports, sheet, out, null, System.getenv());
    }
}
