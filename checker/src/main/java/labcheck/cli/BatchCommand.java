package labcheck.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import labcheck.batch.BatchOptions;
import labcheck.batch.CohortBatch;
import labcheck.batch.CohortFiles;
import labcheck.batch.Grading;
import labcheck.batch.GradingMode;
import labcheck.batch.Preflight;
import labcheck.batch.Progress;
import labcheck.batch.Shard;
import labcheck.run.LiveGrading;
import labcheck.run.LivePreflight;
import labcheck.seal.Seal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labcheck batch roster.csv}: grades a whole cohort for the judges.
 *
 * <pre>{@code
 * CommandLine root = new CommandLine(new Labcheck());
 * root.addSubcommand(new BatchCommand((rubric, templates) -> productionGrading(rubric, templates)));
 * }</pre>
 *
 * The grading is injected so the batch can be tested with a real grader built in the test. The
 * no-argument constructor (what {@code @Command(subcommands = BatchCommand.class)} uses) wires the
 * production grading, {@link LiveGrading}, directly.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grade every student of a roster in parallel; resumable, shardable.",
            "Writes OUT/<student_id>/ (evidence and scoresheets), OUT/marks.csv and OUT/summary.html."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every student graded with full marks (with --collect-only: every student's evidence collected;"
                + " with --preflight: every row ready)",
            "1:internal error (a result could not be written)",
            "2:usage or input error, including roster rows that could not be graded (the rest are)",
            "3:graded, some student lost marks (timed-out and failed students included); with --collect-only,"
                + " some student's collection timed out or failed; with --preflight, some row not ready"})
public final class BatchCommand extends GuardedCommand {

    /** Longest per-student budget accepted: a day; anything longer is a typo (5h for 5m). */
    static final Duration MAX_BUDGET = Duration.ofHours(24);
    /** Most students graded at once; each holds sockets and a thread. */
    static final int MAX_JOBS = 512;

    @Parameters(arity = "0..1", paramLabel = "ROSTER",
            description = "CSV with a header, or YAML: student_id, name, region, profile | role_arn (+ external_id), "
                    + "app_url, baseline_url, redis, db_url, db_user, db_password_env, cluster_id, no_writes.")
    Path roster;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Results directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Students graded at once (default: 4 per core).")
    Integer jobs;

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "5m", converter = DurationConverter.class,
            description = "Time budget per student, e.g. 90s, 5m, PT5M (default: ${DEFAULT-VALUE}); a student "
                    + "over it is recorded as timed out, graded on what was collected.")
    Duration budget;

    @Option(names = "--regrade", description = "Grade again students that already have a complete result.")
    boolean regrade;

    @Option(names = "--retry-failed",
            description = "Grade again students whose stored result timed out or failed (the default).")
    boolean retryFailed;

    @Option(names = "--keep-failed",
            description = "Keep the stored results of students who timed out or failed; grade only those without one.")
    boolean keepFailed;

    @Option(names = "--regrade-from-evidence",
            description = "Regrade every stored evidence bundle in --out offline with the current rubric; "
                    + "the roster is optional.")
    boolean regradeFromEvidence;

    @Option(names = "--collect-only",
            description = "Collect every student's AWS evidence now (e.g. at the deadline), timestamped, without"
                    + " probing or grading; grade it later with --regrade-from-evidence. A live run never replaces"
                    + " what this collected.")
    boolean collectOnly;

    @Option(names = "--preflight",
            description = "Check every row's prerequisites without probing or grading: AWS access and each policy"
                    + " action, SSH login and a forward, each app's /health, the DB password variable. One line per"
                    + " student; OUT/preflight.csv has a column per prerequisite (ok or the cause) and the fix.")
    boolean preflight;

    @Option(names = "--preflight-budget", paramLabel = "TIME", defaultValue = "20s",
            converter = DurationConverter.class,
            description = "With --preflight, the most one student may take (default: ${DEFAULT-VALUE}); a row whose"
                    + " instance or AWS does not answer by then is not ready, saying so.")
    Duration preflightBudget;

    @Mixin
    DeadlineOption deadline = new DeadlineOption();

    @Mixin
    SignOption sign = new SignOption();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Grade only shard K of N (1-based; a stable hash of the student id). Also read from "
                    + "LABCHECK_SHARD, or from JOB_COMPLETION_INDEX / AWS_BATCH_JOB_ARRAY_INDEX (0-based) with "
                    + "--shard-count or LABCHECK_SHARD_COUNT.")
    String shard;

    @Option(names = "--shard-count", paramLabel = "N",
            description = "Number of shards when the index comes from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.")
    Integer shardCount;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Rubric YAML (default: the shipped lab rubric).")
    Path rubric;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the shipped ones.")
    Path templates;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar or lines.")
    String progressMode;

    private final Grading.Factory grading;
    private final Map<String, String> env;

    /** The production grading: AWS, the live probe and the rubric for each roster row. */
    public BatchCommand() {
        this(new LiveGrading(), System.getenv());
    }

    public BatchCommand(Grading.Factory grading) {
        this(grading, System.getenv());
    }

    /** {@code env} stands in for the environment (shard variables, db_password_env) in tests. */
    public BatchCommand(Grading.Factory grading, Map<String, String> env) {
        this.grading = grading;
        this.env = env;
    }

    @Override
    protected String prefix() {
        return "labcheck batch: ";
    }

    @Override
    protected int run() throws Exception {
        Shard selected = Shard.resolve(shard, shardCount, env);
        if (budget.compareTo(MAX_BUDGET) > 0) {
            throw new IllegalArgumentException("--budget " + budget.toMinutes() + " minutes is more than a day per"
                    + " student. Fix: give e.g. --budget 5m (the default) or at most 24h.");
        }
        if (jobs != null && jobs > MAX_JOBS) {
            throw new IllegalArgumentException("--jobs " + jobs + " is more than " + MAX_JOBS + ". Fix: give"
                    + " --jobs 32 or so; grading more students at once only queues them.");
        }
        if (regradeFromEvidence && (collectOnly || deadline.value() != null)) {
            throw new IllegalArgumentException("--regrade-from-evidence grades the stored evidence offline: it neither"
                    + " collects (--collect-only) nor reads CloudTrail (--deadline; the deadline is the one the"
                    + " evidence was collected with). Fix: leave those out, or run the collection first.");
        }
        if (preflight) {
            return preflight(selected);
        }
        if (retryFailed && keepFailed) {
            throw new IllegalArgumentException("--retry-failed and --keep-failed contradict each other. Fix: give one"
                    + " (--retry-failed is the default).");
        }
        BatchOptions options = new BatchOptions(jobs == null ? BatchOptions.defaultJobs() : jobs, budget, regrade,
                !keepFailed);
        Progress progress = switch (progressMode.toLowerCase(Locale.ROOT)) {
            case "bar" -> new Progress(out(), true);
            case "lines" -> new Progress(out(), false);
            case "auto" -> Progress.auto(out());
            default -> throw new IllegalArgumentException("--progress must be auto, bar or lines, got '"
                    + progressMode + "'.");
        };
        // a template that does not parse stops the run here, not after the first student's minutes of probing
        CommandSupport.reports(templates);
        new CohortFiles(templates).compiled();
        Seal seal = sign.seal();
        OutputDir.prepare(out, "--out");
        Grading g = grading.open(rubric, templates, new GradingMode(deadline.value(), collectOnly));
        return CohortBatch.run(new CohortBatch.Request(roster, out, selected, options, regradeFromEvidence,
                templates, env, collectOnly, seal), g, progress, err());
    }

    /** {@code --preflight}: who is not ready and why; nothing graded, nothing but preflight.csv written. */
    private int preflight(Shard selected) {
        if (collectOnly || regradeFromEvidence || deadline.value() != null || regrade) {
            throw new IllegalArgumentException("--preflight checks the prerequisites and grades nobody: it takes no"
                    + " --collect-only, --regrade, --regrade-from-evidence or --deadline. Fix: run the preflight"
                    + " alone, then the batch.");
        }
        if (roster == null) {
            throw new IllegalArgumentException("--preflight needs the roster: labcheck batch --preflight roster.csv.");
        }
        if (preflightBudget.compareTo(Duration.ofSeconds(1)) < 0 || preflightBudget.compareTo(Duration.ofMinutes(10))
                > 0) {
            throw new IllegalArgumentException("--preflight-budget " + preflightBudget.toMillis() + " ms is not a"
                    + " budget for one student's preflight; give 1s to 10m, e.g. --preflight-budget 20s (the default).");
        }
        OutputDir.prepare(out, "--out");
        try {
            return Preflight.run(new Preflight.Request(roster, out, selected, jobs == null ? BatchOptions.defaultJobs()
                    : jobs, preflightBudget, env), new LivePreflight(env), out(), err());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the preflight was interrupted", e);
        }
    }

    /** "90s", "5m", "1h", "250ms" or ISO-8601 "PT5M". */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt")) {
                    return Duration.parse(v.toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a duration; write e.g. 90s, 5m, 1h, 250ms or PT5M");
            }
        }
    }
}
