package labcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import labcheck.report.FindingDetail;
import labcheck.report.Outcome;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.MultipleFailuresError;
import org.opentest4j.TestAbortedException;

/**
 * Turns the outcome of each leaf test (a check) into a {@link CheckRun}. Containers are
 * ignored: JUnit reports a class SUCCESSFUL even when a check in it failed.
 *
 * <p>A check publishes its pass message and evidence excerpts through {@link Report}, and raises
 * {@link Finding}s; they arrive here as report entries under {@link Report}'s keys.
 */
final class ScoringListener implements TestExecutionListener {

    private static final Pattern SOURCE_LINE = Pattern.compile("(?m)^\\s*at [\\w.$<>]+\\([\\w.$]+(:\\d+)?\\)\\s*$");

    private final Map<String, CheckRun> runs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> details = new ConcurrentHashMap<>();
    private final Map<String, String> messages = new ConcurrentHashMap<>();
    private final Map<String, List<String>> findings = new ConcurrentHashMap<>();
    private final Map<String, List<FindingDetail>> findingDetails = new ConcurrentHashMap<>();

    Map<String, CheckRun> runs() {
        return Map.copyOf(runs);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (Report.DETAILS.equals(key)) {
                details.computeIfAbsent(test.getUniqueId(), k -> new ArrayList<>()).add(value);
            } else if (Report.MESSAGE.equals(key)) {
                messages.put(test.getUniqueId(), value);
            } else if (Report.FINDING.equals(key)) {
                List<String> raised = findings.computeIfAbsent(test.getUniqueId(), k -> new ArrayList<>());
                if (!raised.contains(value)) {
                    raised.add(value);
                }
            }
        });
        detailOf(entry.getKeyValuePairs()).ifPresent(d -> findingDetails
                .computeIfAbsent(test.getUniqueId(), k -> new ArrayList<>()).add(d));
    }

    /** A finding raised with facts: one entry holding its id and each fact under {@code finding.<name>}. */
    private static Optional<FindingDetail> detailOf(Map<String, String> pairs) {
        String id = pairs.get(Report.FINDING);
        Map<String, String> facts = new TreeMap<>();
        pairs.forEach((key, value) -> {
            if (key.startsWith(Report.FINDING + ".")) {
                facts.put(key.substring(Report.FINDING.length() + 1), value);
            }
        });
        return id == null || facts.isEmpty() ? Optional.empty() : Optional.of(new FindingDetail(id, facts));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        checkId(test).ifPresent(id -> runs.put(id, new CheckRun(id, Outcome.ERROR, 0,
                "labcheck did not run check " + id + " (" + reason + "); this is a labcheck bug.", null)));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Optional<String> id = checkId(test);
        if (id.isEmpty()) {
            return;
        }
        List<String> entries = details.get(test.getUniqueId());
        String detail = entries == null ? null : String.join("\n", entries);
        CheckRun run = score(id.get(), location(test), result, messages.get(test.getUniqueId()), detail);
        List<String> raised = findings.get(test.getUniqueId());
        runs.put(id.get(), raised == null ? run : new CheckRun(run.id(), run.outcome(), run.fraction(), run.message(),
                run.details(), raised, run.howToVerify(), findingDetails.get(test.getUniqueId())));
    }

    static CheckRun score(String id, String location, TestExecutionResult result, String passMessage, String details) {
        Throwable thrown = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return new CheckRun(id, Outcome.PASSED, 1, passMessage, details);
            case ABORTED:
                if (thrown instanceof TestAbortedException) {
                    return new CheckRun(id, Outcome.UNVERIFIABLE, 0, text(thrown), details, List.of(),
                            thrown instanceof Unverifiable u ? u.howToVerify() : null);
                }
                return error(id, location, thrown, details);
            default:
                if (thrown instanceof PartialCredit partial) {
                    return new CheckRun(id, Outcome.PARTIAL, partial.fraction(), text(partial), details);
                }
                if (thrown instanceof MultipleFailuresError multiple) {
                    // assertAll runs every condition and collects whatever each threw: a condition that broke
                    // (not one that failed) is still a labcheck error, as it would be outside assertAll
                    Optional<Throwable> broken = multiple.getFailures().stream()
                            .filter(f -> !(f instanceof AssertionError)).findFirst();
                    if (broken.isPresent()) {
                        return error(id, location, broken.get(), details);
                    }
                }
                if (thrown instanceof AssertionError) {
                    return new CheckRun(id, Outcome.FAILED, 0, text(thrown), details);
                }
                return error(id, location, thrown, details);
        }
    }

    private static CheckRun error(String id, String location, Throwable thrown, String details) {
        String what = thrown == null ? "it ended without a result"
                : thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return new CheckRun(id, Outcome.ERROR, 0, "labcheck error in check " + id + " (" + location + "): " + what
                + ". This is a bug in labcheck, not in your lab; the other checks were graded normally.", details);
    }

    /** The failure text a student reads; assertAll gives one line per failed condition. */
    private static String text(Throwable thrown) {
        if (thrown instanceof MultipleFailuresError multiple && !multiple.getFailures().isEmpty()) {
            List<String> lines = new ArrayList<>();
            // a failure may carry "at Class.method(File.java:42)" (AssertJ's soft assertions add it): code, not advice
            multiple.getFailures().forEach(f -> lines.add(clean(SOURCE_LINE.matcher(clean(f.getMessage())).replaceAll(""))));
            return String.join("\n", lines);
        }
        return clean(thrown.getMessage());
    }

    private static String clean(String message) {
        return message == null ? "" : message.strip();
    }

    private static Optional<String> checkId(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .flatMap(source -> CheckIndex.idOf(source.getJavaMethod()));
    }

    private static String location(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(s -> s.getJavaClass().getSimpleName() + "#" + s.getMethodName())
                .orElse(test.getDisplayName());
    }
}
