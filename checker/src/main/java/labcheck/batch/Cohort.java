package labcheck.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import labcheck.report.ItemResult;
import labcheck.report.Marks;
import labcheck.report.Scoresheet;

/**
 * The graded cohort as marks.csv and the summary see it: one row per student, sorted by
 * student id, built only from the stored results, so it never depends on which run, shard
 * or thread graded whom, nor in what order.
 *
 * <pre>{@code
 * Cohort cohort = Cohort.load(store, id -> true, store.readProblems());
 * Files.writeString(root.resolve("marks.csv"), cohort.marksCsv());
 * }</pre>
 */
public final class Cohort {

    /** A marked rubric item, as a column of marks.csv. */
    public record Item(String number, String id, String title, double max) {
    }

    /** One student's line. {@code sheet} is null for a roster error or an unscored failure. */
    public record Row(String studentId, String name, int row, String account, Status status, String message,
                      Scoresheet sheet) {
        Double total() {
            return sheet == null ? null : sheet.total();
        }
    }

    private final List<Row> rows;
    private final List<Item> items;
    private final List<RosterProblem> problems;

    private Cohort(List<Row> rows, List<Item> items, List<RosterProblem> problems) {
        this.rows = rows;
        this.items = items;
        this.problems = problems;
    }

    /**
     * The students of {@code store} that {@code include} accepts, plus a roster-error row for
     * each problem row with a student id that {@code include} accepts.
     */
    public static Cohort load(ResultStore store, Predicate<String> include, List<RosterProblem> problems) {
        Map<String, Row> byId = new TreeMap<>();
        for (RosterProblem p : problems) {
            if (p.studentId() != null && include.test(p.studentId()) && !byId.containsKey(p.studentId())) {
                byId.put(p.studentId(), new Row(p.studentId(), null, p.row(), null, Status.ROSTER_ERROR,
                        p.reason(), null));
            }
        }
        for (String id : store.completedIds()) {
            if (include.test(id) && !byId.containsKey(id)) {
                StudentRecord r = store.readOrNull(id);
                byId.put(id, r == null
                        ? new Row(id, null, 0, null, Status.ERROR, "the stored " + StudentRecord.FILE_NAME + " of " + id
                                + " cannot be read (truncated or edited); rerun `labcheck batch` to grade again", null)
                        : new Row(id, r.name(), r.row(), r.account(), r.status(), r.message(), r.scoresheet()));
            }
        }
        List<RosterProblem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
        sorted.sort(Comparator.comparingInt(RosterProblem::row).thenComparing(RosterProblem::reason)
                .thenComparing(p -> p.studentId() == null ? "" : p.studentId()));
        return new Cohort(List.copyOf(byId.values()), itemsOf(byId.values()), List.copyOf(sorted));
    }

    /** The union of every scoresheet's items, in item-number order. */
    private static List<Item> itemsOf(Iterable<Row> rows) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.sheet() != null) {
                for (ItemResult i : r.sheet().items()) {
                    byId.putIfAbsent(i.id(), new Item(i.number(), i.id(), i.title(), i.max()));
                }
            }
        }
        List<Item> items = new ArrayList<>(byId.values());
        items.sort(Comparator.comparing((Item i) -> numericKey(i.number())).thenComparing(Item::id));
        return items;
    }

    private static String numericKey(String number) {
        StringBuilder key = new StringBuilder();
        for (String part : (number == null ? "" : number).split("\\.")) {
            key.append(String.format("%8s", part)).append('.');
        }
        return key.toString();
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Item> items() {
        return items;
    }

    public List<RosterProblem> problems() {
        return problems;
    }

    /** Marks of {@code item} for {@code row}, or null when not graded. */
    static Double marks(Row row, Item item) {
        if (row.sheet() == null) {
            return null;
        }
        return row.sheet().items().stream().filter(i -> java.util.Objects.equals(i.id(), item.id())).findFirst()
                .map(ItemResult::marks).orElse(null);
    }

    /**
     * Whether {@code row} earned {@code item}: all its marks, or, for a 0-mark information item,
     * a PASSED outcome (0 of 0 marks says nothing by itself).
     */
    static boolean passed(Row row, Item item) {
        if (row.sheet() == null) {
            return false;
        }
        return row.sheet().items().stream().filter(i -> java.util.Objects.equals(i.id(), item.id())).findFirst()
                .map(i -> i.max() > 0 ? i.marks() >= i.max() : i.status() == labcheck.report.Outcome.PASSED)
                .orElse(false);
    }

    /** marks.csv: {@code student_id,name,status,<item ids>,total,max}, one line per student. */
    public String marksCsv() {
        List<String> header = new ArrayList<>(List.of("student_id", "name", "status"));
        items.forEach(i -> header.add(i.id()));
        header.addAll(List.of("total", "max"));
        StringBuilder out = new StringBuilder(Csv.line(header)).append("\r\n");
        for (Row r : rows) {
            List<String> line = new ArrayList<>(List.of(r.studentId(), spreadsheetSafe(r.name()),
                    r.status().label()));
            items.forEach(i -> line.add(Marks.format(marks(r, i))));
            line.add(Marks.format(r.total()));
            line.add(r.sheet() == null ? "" : Marks.format(r.sheet().max()));
            out.append(Csv.line(line)).append("\r\n");
        }
        return out.toString();
    }

    /** Keeps a name such as "=HYPERLINK(...)" from running as a formula when a judge opens the file. */
    static String spreadsheetSafe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }


    /**
     * 0 all full marks (or, for evidence only collected, all collected); 2 bad roster rows; 3 marks lost
     * (including timed out and failed students).
     */
    public int exitCode() {
        if (!problems.isEmpty()) {
            return 2;
        }
        return rows.stream().allMatch(r -> r.status() == Status.FULL_MARKS || r.status() == Status.COLLECTED) ? 0 : 3;
    }
}
