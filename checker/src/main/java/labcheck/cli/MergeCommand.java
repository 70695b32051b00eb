package labcheck.cli;

import java.nio.file.Path;
import java.util.List;
import labcheck.batch.CohortFiles;
import labcheck.batch.CohortMerge;
import labcheck.seal.Seal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
public final class MergeCommand extends GuardedCommand {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results directories written by `labcheck batch`.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged results go.")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the shipped ones.")
    Path templates;

    @Mixin
    SignOption sign = new SignOption();

    @Override
    protected String prefix() {
        return "labcheck merge: ";
    }

    @Override
    protected int run() throws Exception {
        CommandSupport.requireTemplatesDir(templates);
        new CohortFiles(templates).compiled();
        Seal seal = sign.seal();
        OutputDir.prepare(out, "--out");
        return CohortMerge.merge(inputs, out, templates, seal, err());
    }
}
