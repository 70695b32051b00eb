package labcheck.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import labcheck.engine.Finding;
import labcheck.report.CheckResult;
import labcheck.report.FindingDetail;
import labcheck.report.ItemResult;
import labcheck.report.Marks;
import labcheck.report.Outcome;
import labcheck.text.Numbers;

/**
 * Everything {@code summary.html.ftl} shows, computed here so the template only lays it out:
 * figures, the histogram's and pass-rate bars' geometry, and the flags a judge must look at.
 * Plain maps and lists of strings, so the page is byte-for-byte the same for the same results.
 */
final class SummaryModel {

    static final int HIST_WIDTH = 600;
    static final int HIST_HEIGHT = 160;
    static final int BAR_WIDTH = 400;

    private SummaryModel() {
    }

    static Map<String, Object> of(Cohort cohort) {
        List<Cohort.Row> rows = cohort.rows();
        List<Cohort.Row> scored = rows.stream().filter(r -> r.sheet() != null).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", scored.isEmpty() ? "Cohort summary" : nz(scored.get(0).sheet().rubricTitle()));
        m.put("studentCount", rows.size());
        m.put("scoredCount", scored.size());
        m.put("fullMarksCount", rows.stream().filter(r -> r.status() == Status.FULL_MARKS).count());
        double max = scored.stream().mapToDouble(r -> r.sheet().max()).max().orElse(0);
        m.put("max", Marks.format(max));
        List<Double> totals = scored.stream().map(Cohort.Row::total).sorted().toList();
        m.put("mean", totals.isEmpty() ? "" : Marks.format(totals.stream().mapToDouble(d -> d).average().orElse(0)));
        m.put("median", totals.isEmpty() ? "" : Marks.format(median(totals)));
        m.put("statusCounts", statusCounts(rows));
        m.put("items", items(cohort, scored));
        m.put("histogram", histogram(totals, max));
        Flags flags = Flags.of(rows);
        m.put("sharedAccounts", flags.sharedAccounts);
        m.put("timingContradictions", flags.timings);
        m.put("changedAfterDeadline", flags.afterDeadline);
        m.put("unverifiable", flags.unverifiableByCause());
        m.put("incomplete", flags.incomplete);
        m.put("problems", cohort.problems().stream().map(p -> Map.of("row", String.valueOf(p.row()),
                "studentId", nz(p.studentId()), "reason", nz(p.reason()))).toList());
        m.put("students", students(cohort, flags));
        return m;
    }

    /** The template may not meet a null: a renderer's missing title must not cost the judges the page. */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Map<String, String>> statusCounts(List<Cohort.Row> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = rows.stream().filter(r -> r.status() == s).count();
            if (n > 0) {
                out.add(Map.of("status", s.label(), "count", String.valueOf(n)));
            }
        }
        return out;
    }

    private static List<Map<String, String>> items(Cohort cohort, List<Cohort.Row> scored) {
        List<Map<String, String>> out = new ArrayList<>();
        int y = 0;
        for (Cohort.Item item : cohort.items()) {
            long passed = scored.stream().filter(r -> Cohort.passed(r, item)).count();
            double rate = scored.isEmpty() ? 0 : (double) passed / scored.size();
            Map<String, String> m = new LinkedHashMap<>();
            m.put("number", nz(item.number()));
            m.put("id", nz(item.id()));
            m.put("title", nz(item.title()));
            m.put("max", Marks.format(item.max()));
            m.put("passed", String.valueOf(passed));
            m.put("percent", Numbers.fixed(rate * 100, 0));
            m.put("width", String.valueOf(Math.round(rate * BAR_WIDTH)));
            m.put("y", String.valueOf(y));
            y += 24;
            out.add(m);
        }
        return out;
    }

    /** Integer-wide bins 0..max for the lab's 20 marks; 20 equal bins for a larger rubric. */
    private static Map<String, Object> histogram(List<Double> totals, double max) {
        int bins = max <= 0 ? 1 : max <= 50 ? (int) Math.floor(max) + 1 : 20;
        double binWidth = max <= 50 ? 1 : max / 20;
        int[] counts = new int[bins];
        for (double t : totals) {
            counts[Math.min(bins - 1, (int) Math.floor(t / binWidth))]++;
        }
        int top = 1;
        for (int c : counts) {
            top = Math.max(top, c);
        }
        int w = HIST_WIDTH / bins;
        List<Map<String, String>> bars = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int h = counts[b] * (HIST_HEIGHT - 20) / top;
            String from = Marks.format(b * binWidth);
            Map<String, String> bar = new LinkedHashMap<>();
            bar.put("label", binWidth == 1 ? from : from + "-" + Marks.format((b + 1) * binWidth));
            bar.put("count", String.valueOf(counts[b]));
            bar.put("x", String.valueOf(b * w));
            bar.put("y", String.valueOf(HIST_HEIGHT - h));
            bar.put("width", String.valueOf(Math.max(1, w - 2)));
            bar.put("height", String.valueOf(h));
            bar.put("labelX", String.valueOf(b * w + w / 2));
            bars.add(bar);
        }
        return Map.of("bars", bars, "width", String.valueOf(bins * w), "height", String.valueOf(HIST_HEIGHT));
    }

    private static List<Map<String, Object>> students(Cohort cohort, Flags flags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Cohort.Row r : cohort.rows()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", r.studentId());
            s.put("name", nz(r.name()));
            s.put("status", r.status().label());
            s.put("account", nz(r.account()));
            s.put("marks", cohort.items().stream().map(i -> Marks.format(Cohort.marks(r, i))).toList());
            s.put("total", Marks.format(r.total()));
            s.put("flags", flags.byStudent.getOrDefault(r.studentId(), List.of()));
            out.add(s);
        }
        return out;
    }

    /** The things a judge must look at before publishing marks. */
    private static final class Flags {
        final List<Map<String, String>> sharedAccounts = new ArrayList<>();
        final List<Map<String, String>> timings = new ArrayList<>();
        /** One line per change after the deadline: student, resource, event, time, principal. */
        final List<Map<String, String>> afterDeadline = new ArrayList<>();
        final List<Map<String, String>> incomplete = new ArrayList<>();
        final Map<String, List<String>> byStudent = new TreeMap<>();
        private final Map<String, Integer> unverifiableCount = new TreeMap<>();
        /** Unverifiable checks by what would make them verifiable: check ids and students per cause. */
        private final Map<String, List<String[]>> byCause = new TreeMap<>();

        /**
         * One line per cause, most checks first: "412 checks for 100 students: run with --db-url ...",
         * so a judge sees what to fix for the cohort once, not once per check per student.
         */
        List<Map<String, String>> unverifiableByCause() {
            List<Map<String, String>> out = new ArrayList<>();
            byCause.forEach((cause, hits) -> {
                List<String> students = hits.stream().map(h -> h[0]).distinct().sorted().toList();
                List<String> checks = hits.stream().map(h -> h[1]).distinct().sorted().toList();
                out.add(Map.of("count", String.valueOf(hits.size()), "studentCount", String.valueOf(students.size()),
                        "cause", cause, "checks", String.join(", ", checks),
                        "students", String.join(", ", students)));
            });
            out.sort((a, b) -> Integer.compare(Integer.parseInt(b.get("count")), Integer.parseInt(a.get("count"))));
            return out;
        }

        static Flags of(List<Cohort.Row> rows) {
            Flags f = new Flags();
            Map<String, List<String>> byAccount = new TreeMap<>();
            for (Cohort.Row r : rows) {
                if (r.account() != null) {
                    byAccount.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r.studentId());
                }
            }
            byAccount.forEach((account, ids) -> {
                if (ids.size() > 1) {
                    f.sharedAccounts.add(Map.of("account", account, "students", String.join(", ", ids)));
                    ids.forEach(id -> f.add(id, "same AWS account as "
                            + String.join(", ", ids.stream().filter(o -> !o.equals(id)).toList())));
                }
            });
            for (Cohort.Row r : rows) {
                if (r.status() == Status.TIMED_OUT || r.status() == Status.ERROR) {
                    f.incomplete.add(Map.of("studentId", r.studentId(), "status", r.status().label(),
                            "message", nz(r.message())));
                    f.add(r.studentId(), r.status().label());
                }
                if (r.sheet() == null) {
                    continue;
                }
                for (ItemResult item : Stream.concat(r.sheet().items().stream(),
                        r.sheet().bonus() == null ? Stream.empty() : r.sheet().bonus().stream()).toList()) {
                    for (CheckResult c : item.checks() == null ? List.<CheckResult>of() : item.checks()) {
                        f.check(r.studentId(), item, c);
                    }
                }
            }
            f.unverifiableCount.forEach((id, n) -> f.add(id, n + " unverifiable"));
            return f;
        }

        private void check(String studentId, ItemResult item, CheckResult c) {
            if (c.raised(Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.id())) {
                timings.add(Map.of("studentId", studentId, "message", nz(c.message())));
                add(studentId, Finding.SELF_REPORTED_TIMINGS_CONTRADICTED.flag());
            }
            for (Finding other : Finding.values()) {
                if (other != Finding.SELF_REPORTED_TIMINGS_CONTRADICTED && c.raised(other.id())) {
                    add(studentId, other.flag());
                }
            }
            if (c.raised(Finding.CHANGED_AFTER_DEADLINE.id())) {
                add(studentId, Finding.CHANGED_AFTER_DEADLINE.flag());
                for (FindingDetail d : c.detailsOf(Finding.CHANGED_AFTER_DEADLINE.id())) {
                    afterDeadline.add(Map.of("studentId", studentId, "resource", d.field("resource"),
                            "event", d.field("event"), "time", d.field("time"), "principal", d.field("principal")));
                }
            }
            if (c.outcome() == Outcome.UNVERIFIABLE) {
                unverifiableCount.merge(studentId, 1, Integer::sum);
                byCause.computeIfAbsent(cause(c), k -> new ArrayList<>()).add(new String[] {studentId, nz(c.id())});
            }
        }

        /** What would make the check verifiable (its remedy), else its reason. */
        private static String cause(CheckResult c) {
            String r = c.remediation();
            if (r != null && r.startsWith(CheckResult.VERIFY_PREFIX)) {
                return r.substring(CheckResult.VERIFY_PREFIX.length());
            }
            return r != null && !r.isBlank() ? r : nz(c.message());
        }

        private void add(String studentId, String flag) {
            List<String> list = byStudent.computeIfAbsent(studentId, k -> new ArrayList<>());
            if (!list.contains(flag)) {
                list.add(flag);
            }
        }
    }
}
