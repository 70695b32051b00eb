package labcheck.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcheck.report.CheckResult;
import labcheck.report.ItemResult;
import labcheck.report.Marks;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;

/**
 * The runs of one output directory, in {@code .labcheck/history.jsonl} beside it: one JSON line
 * per run with the outcome and marks of each check and item, and nothing else (no message, no
 * evidence value, so no secret can reach it). It tells a student fixing one thing at a time what
 * changed since the last run, and picks the rubric's hint for a check that keeps failing.
 *
 * <pre>{@code
 * History history = History.beside(Path.of("labcheck-out"));
 * Scoresheet sheet = history.annotate(grader.grade(evidence), rubric);  // "since the last run: ... 0 → 2"
 * history.append(sheet);
 * }</pre>
 */
public final class History {

    /** Where the history lives, relative to the directory that holds {@code --out}. */
    public static final String FILE = ".labcheck/history.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String out;

    private History(Path file, String out) {
        this.file = file;
        this.out = out;
    }

    /** The history of runs writing to {@code outDir}: {@code .labcheck/history.jsonl} in its parent directory. */
    public static History beside(Path outDir) {
        Path abs = outDir.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        return new History(parent.resolve(FILE), abs.getFileName() == null ? "" : abs.getFileName().toString());
    }

    public Path file() {
        return file;
    }

    /** One run as the history keeps it. */
    record Run(String at, String out, String rubric, Map<String, Double> items, Map<String, Outcome> checks) {
    }

    /** The earlier runs of this output directory and rubric, oldest first; a line that does not parse is skipped. */
    List<Run> runs(String rubricId) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Run> runs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    Run r = JSON.readValue(line, Run.class);
                    if (out.equals(r.out()) && rubricId.equals(r.rubric()) && r.items() != null && r.checks() != null) {
                        runs.add(r);
                    }
                } catch (JsonProcessingException e) {
                    // a line cut short by a full disk, or written by hand: the others still count
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return runs;
    }

    /**
     * {@code sheet} with what changed since the last run ("Security group configured 0 → 2") and,
     * for each check failing again, the rubric's hint for that many failures in a row.
     */
    public Scoresheet annotate(Scoresheet sheet, Rubric rubric) {
        List<Run> runs = runs(sheet.rubricId());
        List<String> since = new ArrayList<>();
        if (!runs.isEmpty()) {
            Run last = runs.get(runs.size() - 1);
            for (ItemResult item : all(sheet)) {
                Double before = last.items().get(item.id());
                if (before != null && Marks.round(before) != Marks.round(item.marks())) {
                    since.add(item.title() + " " + Marks.format(before) + " → " + Marks.format(item.marks()));
                }
            }
            // nothing changed: no line, so regrading one bundle into one directory gives the same sheet
        }
        Map<String, String> hints = new LinkedHashMap<>();
        for (ItemResult item : all(sheet)) {
            for (CheckResult c : item.checks()) {
                if (failing(c.outcome())) {
                    int streak = 1 + streak(runs, c.id());
                    rubric.check(c.id()).map(rc -> rc.hint(streak)).ifPresent(h -> hints.put(c.id(), h));
                }
            }
        }
        if (since.isEmpty() && hints.isEmpty()) {
            return sheet;
        }
        Scoresheet.Loop loop = Optional.ofNullable(sheet.loop()).orElse(new Scoresheet.Loop(null, null, null));
        return sheet.withLoop(loop.withHistory(since, hints));
    }

    /** Appends this run: each item's marks and each check's outcome, by id. */
    public void append(Scoresheet sheet) {
        Map<String, Double> items = new LinkedHashMap<>();
        Map<String, Outcome> checks = new LinkedHashMap<>();
        for (ItemResult item : all(sheet)) {
            items.put(item.id(), item.marks());
            item.checks().forEach(c -> checks.put(c.id(), c.outcome()));
        }
        try {
            Files.createDirectories(file.getParent());
            String line = JSON.writeValueAsString(new Run(sheet.gradedAt(), out, sheet.rubricId(), items, checks));
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + " (" + e.getMessage() + "). Fix: make"
                    + " its directory writable, or run with --no-history.", e);
        }
    }

    /** How many runs in a row, back from the last, this check failed (runs that did not grade it are passed over). */
    private static int streak(List<Run> runs, String checkId) {
        int n = 0;
        for (int i = runs.size() - 1; i >= 0; i--) {
            Outcome o = runs.get(i).checks().get(checkId);
            if (o == null) {
                continue;
            }
            if (!failing(o)) {
                break;
            }
            n++;
        }
        return n;
    }

    private static boolean failing(Outcome o) {
        return o == Outcome.FAILED || o == Outcome.PARTIAL;
    }

    private static List<ItemResult> all(Scoresheet sheet) {
        List<ItemResult> all = new ArrayList<>(sheet.items());
        if (sheet.bonus() != null) {
            all.addAll(sheet.bonus());
        }
        return all;
    }
}
