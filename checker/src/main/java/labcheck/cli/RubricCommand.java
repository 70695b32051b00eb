package labcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import labcheck.checks.CheckCatalog;
import labcheck.report.Marks;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import labcheck.rubric.Rubric;
import labcheck.rubric.Thresholds;
import labcheck.text.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code labcheck rubric}: shows the items, their checks and marks, and every threshold. */
@Command(name = "rubric",
        mixinStandardHelpOptions = true,
        description = "Show the rubric: items, checks, marks and thresholds (validates --rubric FILE).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2})
public class RubricCommand extends GuardedCommand {

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric YAML to show (default: the shipped redis-caching-lab.yaml).")
    Path rubric;

    @Override
    protected int run() {
        Rubric r = CommandSupport.load(rubric);
        out().println(r.title() + "  (rubric " + r.id() + " " + r.version() + ", from " + r.origin() + ")");
        out().println("Total: " + Marks.format(r.total()) + " marks; bonus marks are extra.");
        out().println();
        section("Items", r.items(), "", r.thresholds());
        section("Bonus", r.bonus(), "B", r.thresholds());
        out().println("Thresholds");
        // each threshold as the rubric would write it: 80, not 80.0
        r.thresholds().values().forEach((k, v) -> out().println("  " + k + ": "
                + (v instanceof Double d ? Numbers.plain(d) : String.valueOf(v))));
        out().println();
        out().println("Where each check is written (checker/src/main/java/...)");
        new TreeSet<>(r.checkIds()).forEach(id -> CheckCatalog.index().get(id).ifPresent(info ->
                out().println("  " + id + "  " + info.sourcePath() + "#" + info.method().getName())));
        TreeSet<String> unused = new TreeSet<>(CheckCatalog.ids());
        unused.removeAll(r.checkIds());
        if (!unused.isEmpty()) {
            out().println();
            out().println("Checks this labcheck has that the rubric does not use: " + String.join(", ", unused));
        }
        out().flush();
        return ExitCodes.ALL_MARKS;
    }

    private void section(String heading, List<RubricItem> items, String prefix, Thresholds thresholds) {
        if (items.isEmpty()) {
            return;
        }
        out().println(heading);
        for (int i = 0; i < items.size(); i++) {
            RubricItem item = items.get(i);
            out().println("  " + prefix + (i + 1) + ". " + item.title() + "  [" + Marks.format(item.marks())
                    + " marks]");
            for (int j = 0; j < item.checks().size(); j++) {
                RubricCheck check = item.checks().get(j);
                String title = CheckCatalog.index().get(check.id()).map(info -> info.title(thresholds)).orElse("");
                out().println("     " + prefix + (i + 1) + "." + (j + 1) + " " + check.id() + "  "
                        + Marks.format(check.marks()) + (title.isEmpty() ? "" : "  " + title));
            }
        }
        out().println();
    }
}
