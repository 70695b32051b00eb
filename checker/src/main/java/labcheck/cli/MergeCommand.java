package labcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import labcheck.batch.CohortMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labcheck merge shard-1 shard-2 … --out results}: joins sharded batch results into the
 * marks.csv and summary.html an unsharded run would have written.
 *
 * <pre>{@code
 * new CommandLine(new MergeCommand()).execute("r1", "r2", "--out", "results");
 * }</pre>
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the results directories of sharded batch runs into one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every student graded with full marks",
            "1:internal error",
            "2:usage or input error: a missing directory, conflicting results, roster rows not graded",
            "3:merged; some student lost marks"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results directories written by `labcheck batch`.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged results go.")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the shipped ones.")
    Path templates;

    @Override
    public Integer call() throws Exception {
        return CohortMerge.merge(inputs, out, templates, spec.commandLine().getErr());
    }
}
