package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortBatchTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int batch(MixedCohort cohort, Path out, TestRubric rubric, boolean regrade, boolean fromEvidence)
            throws Exception {
        Grading grading = new Grading(new FixtureGrader(cohort.accounts, rubric, 0), rubric,
                new JsonScoresheetWriter());
        return CohortBatch.run(new CohortBatch.Request(fromEvidence ? null : cohort.roster, out, Shard.ALL,
                new BatchOptions(4, Duration.ofSeconds(2), regrade), fromEvidence, null, Map.of()),
                grading, Progress.silent(), new PrintWriter(err, true));
    }

    @Test
    void mixedRosterGradesEveryUsableStudentFromTheirEvidenceAndReportsTheBadRows() throws Exception {
        Path out = dir.resolve("results");
        LabServer.GLOBAL_MAX.set(0);
        try (MixedCohort cohort = new MixedCohort(dir)) {
            int exit = batch(cohort, out, new TestRubric(), false, false);

            assertThat(exit).as("bad roster rows make the exit code 2, the rest still graded").isEqualTo(2);
            assertThat(Files.readString(out.resolve("marks.csv"))).isEqualTo(MixedCohort.EXPECTED_MARKS);
            // Server a hosts four students and no timeout; server b's count would include the request
            // the batch abandoned when s06 ran out of time, which the server goes on sleeping through.
            assertThat(cohort.a.maxConcurrentRequests()).as("one app host is never measured twice at once")
                    .isEqualTo(1);
            assertThat(LabServer.GLOBAL_MAX.get()).as("different hosts are measured in parallel")
                    .isGreaterThanOrEqualTo(2);
        }
        String log = err.toString();
        assertThat(log).contains("row 10: student_id is empty", "row 11 (s08): app_url 'ftp://files.example/app'",
                "row 12 (s09): column app_url looks like it holds a secret",
                "row 13 (s11): student id s11 appears on rows 13, 14", "row 14 (s11)",
                "row 15: malformed CSV: a quote inside an unquoted field");
        assertThat(log).doesNotContain("hunter2");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("no secret reaches %s", f).doesNotContain("hunter2");
            }
        }
    }

    @Test
    void theSlowStudentIsTimedOutAndKeepsTheEvidenceCollectedBeforeTheProbe() throws Exception {
        Path out = dir.resolve("results");
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, out, new TestRubric(), false, false);
        }
        ResultStore store = new ResultStore(out);
        StudentRecord slow = store.read("s06");
        assertThat(slow.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(slow.message()).contains("time budget of 2 s ran out");
        assertThat(slow.seconds()).as("cut at the budget, not at the app's 6 s").isLessThan(5.5);
        assertThat(store.readEvidence("s06").cacheClusters().available()).isTrue();
        assertThat(store.readEvidence("s06").notes()).anyMatch(n -> n.contains("ran out"));
        assertThat(Files.readString(out.resolve("s06/scoresheet.json"))).contains("\"total\" : 4.0");
    }

    @Test
    void summaryShowsTheFiguresHistogramPassRatesAndEveryFlag() throws Exception {
        Path out = dir.resolve("results");
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, out, new TestRubric(), false, false);
        }
        String html = Files.readString(out.resolve("summary.html"));
        assertThat(html).contains("id=\"student-count\">11<", "id=\"scored-count\">8<",
                "id=\"full-marks-count\">1<", "id=\"mean-total\">6.5 / 10<", "id=\"median-total\">6.5 / 10<",
                "id=\"status-count-timed_out\">1<", "id=\"status-count-roster_error\">3<");
        assertThat(html).contains("account 111111111111: s01, s04");
        assertThat(between(html, "id=\"flag-timings\"", "</ul>")).contains("s05").doesNotContain("s01");
        assertThat(between(html, "id=\"flag-incomplete\"", "</ul>")).contains("s06 (timed_out)");
        // grouped by what would make them verifiable, not one line per check per student
        assertThat(between(html, "id=\"flag-unverifiable\"", "</ul>"))
                .contains("s03", "s06", "s07", "s10").doesNotContain("s01,").doesNotContain("s01;")
                .containsPattern("\\d+ checks? for \\d+ students?: ");
        assertThat(between(html, "id=\"roster-problems\"", "</ul>")).contains("row 10", "row 15");
        assertThat(html).contains("<title>4: 2 student(s)</title>", "<title>10: 1 student(s)</title>",
                "<title>0: 0 student(s)</title>");
        assertThat(html).contains("1 Redis cluster created correctly: 5 of 8 (63%)");
        assertThat(html).contains("<tr id=\"student-s02\">", "Broken, Redis");
        assertThat(html).as("self-contained: nothing to fetch")
                .doesNotContain(" src=", "<link", "@import", "href=\"http", "url(");
    }

    @Test
    void summaryRefusesNothingButEscapesHtmlInNames() throws Exception {
        Path out = dir.resolve("results");
        try (LabServer s = new LabServer().app("good", LabServer.App.good())) {
            Path roster = dir.resolve("r.csv");
            Files.writeString(roster, "student_id,name,app_url\nx1,<script>alert(1)</script>," + s.url("good")
                    + "\nx2,=cmd|' /C calc'!A0," + s.url("good") + "\n");
            TestRubric rubric = new TestRubric();
            CohortBatch.run(new CohortBatch.Request(roster, out, Shard.ALL,
                    new BatchOptions(2, Duration.ofSeconds(5), false), false, null, Map.of()),
                    new Grading(new FixtureGrader(dir, rubric, 0), rubric, new JsonScoresheetWriter()),
                    Progress.silent(), new PrintWriter(err, true));
        }
        assertThat(Files.readString(out.resolve("summary.html")))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(Files.readString(out.resolve("marks.csv"))).contains("x2,'=cmd|' /C calc'!A0,");
    }

    @Test
    void rerunSkipsCompleteStudentsAndRegradeGradesThemAgain() throws Exception {
        Path out = dir.resolve("results");
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, out, new TestRubric(), false, false);
            Map<String, FileTime> first = markers(out);
            Map<String, String> results = results(out);

            batch(cohort, out, new TestRubric(), false, false);
            Map<String, FileTime> second = markers(out);
            assertThat(second.get("s06")).as("the timed-out student is retried").isNotEqualTo(first.get("s06"));
            second.remove("s06");
            first.remove("s06");
            assertThat(second).isEqualTo(first);
            assertThat(err.toString()).contains("1 graded, 7 skipped");

            batch(cohort, out, new TestRubric(), true, false);
            assertThat(results(out).keySet()).isEqualTo(results.keySet());
            assertThat(results(out).get("s01")).as("--regrade grades again: a new gradedAt")
                    .isNotEqualTo(results.get("s01"));
            assertThat(Files.readString(out.resolve("marks.csv"))).isEqualTo(MixedCohort.EXPECTED_MARKS);
        }
    }

    @Test
    void regradeFromEvidenceAppliesTheNewRubricOfflineAndKeepsTimedOutStudentsTimedOut() throws Exception {
        Path out = dir.resolve("results");
        try (MixedCohort cohort = new MixedCohort(dir)) {
            batch(cohort, out, new TestRubric(), false, false);
        }
        String evidenceBefore = Files.readString(out.resolve("s04/evidence.json"));
        // Servers are closed: anything that tried to probe would now find the apps unreachable.
        TestRubric relaxed = new TestRubric(List.of("cache.t2.micro", "cache.m5.large"));
        Grading offline = new Grading((s, b) -> {
            throw new AssertionError("regrade-from-evidence must not grade live");
        }, relaxed, new JsonScoresheetWriter());
        int exit = CohortBatch.run(new CohortBatch.Request(null, out, Shard.ALL,
                new BatchOptions(1, Duration.ofSeconds(1), false), true, null, Map.of()),
                offline, Progress.silent(), new PrintWriter(err, true));

        assertThat(exit).as("the stored roster problems still count").isEqualTo(2);
        String marks = Files.readString(out.resolve("marks.csv"));
        assertThat(marks).contains("s04,Wrong Node,full_marks,4,3,3,10,10", "s06,Slow,timed_out,4,0,0,4,10",
                "s03,Unreachable,marks_lost,4,0,0,4,10", "s08,,roster_error");
        assertThat(Files.readString(out.resolve("s04/evidence.json"))).isEqualTo(evidenceBefore);
    }

    @Test
    void aRosterThatCannotBeReadIsAUsageError() throws Exception {
        Path roster = dir.resolve("r.csv");
        Files.writeString(roster, "student_id,db_password\ns1,hunter2\n");
        int exit = CohortBatch.run(new CohortBatch.Request(roster, dir.resolve("out"), Shard.ALL,
                new BatchOptions(1, Duration.ofSeconds(1), false), false, null, Map.of()),
                new Grading((s, b) -> null, new TestRubric(), new JsonScoresheetWriter()), Progress.silent(),
                new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown column(s) [db_password]; secrets never go in the roster")
                .doesNotContain("hunter2");
    }

    static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as("%s in the page", from).isGreaterThanOrEqualTo(0);
        return text.substring(i, text.indexOf(to, i));
    }

    static Map<String, FileTime> markers(Path out) throws IOException {
        Map<String, FileTime> m = new HashMap<>();
        for (String id : new ResultStore(out).completedIds()) {
            m.put(id, Files.getLastModifiedTime(out.resolve(id).resolve(ResultStore.MARKER)));
        }
        return m;
    }

    static Map<String, String> results(Path out) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String id : new ResultStore(out).completedIds()) {
            m.put(id, Files.readString(out.resolve(id).resolve(StudentRecord.FILE_NAME)));
        }
        return m;
    }
}
