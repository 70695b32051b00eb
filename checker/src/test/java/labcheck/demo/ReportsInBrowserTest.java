package labcheck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labapp.EmbeddedLab;
import labcheck.cli.ExitCodes;
import labcheck.cli.Labcheck;
import labcheck.evidence.SecretGuard;
import labcheck.report.ItemResult;
import labcheck.report.JsonReport;
import labcheck.report.NextStep;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * The newcomer's path end to end, on real parts: {@code labcheck demo} grades the reference app
 * live (embedded Redis and MariaDB) to 20/20 and leaves no process behind; {@code labcheck batch}
 * grades a roster through the production pipeline; both reports are opened in headless Chromium,
 * checked against the JSON, and photographed under target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsInBrowserTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int labcheck(String... args) {
        CommandLine cmd = new CommandLine(new Labcheck());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    @Order(1)
    void demoGradesTheReferenceAppTwentyOfTwentyAndItsScoresheetReadsSoInABrowser() throws Exception {
        // WHEN the demo runs
        Path demo = dir.resolve("demo");
        Set<Long> before = children();
        int code = labcheck("demo", "--out", demo.toString());

        // THEN it prints a full-marks scoresheet labelled with the sample account, and starts nothing that outlives it
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.ALL_MARKS);
        assertThat(out.toString()).contains("TOTAL  20 / 20 marks").contains("SAMPLE ACCOUNT")
                .contains("What to do next\n  Nothing to fix: all 20 marks earned.");
        assertThat(children()).as("processes the demo left running").isSubsetOf(before);
        Scoresheet sheet = JsonReport.fromJson(Files.readString(demo.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(sheet.total()).isEqualTo(20.0);
        assertThat(sheet.nextSteps()).as("what is left to do after 20 of 20").noneMatch(NextStep::marked);
        // the demo warms the reference app, so the cache-warming bonus (extension 2) passes
        assertThat(sheet.bonus().stream().flatMap(i -> i.checks().stream())
                .filter(c -> c.id().equals("app_cache_warmed_top_products")).findFirst().orElseThrow().outcome())
                .isEqualTo(labcheck.report.Outcome.PASSED);
        for (String file : List.of("evidence.json", "scoresheet.json", "scoresheet.html", "results.json")) {
            assertThat(SecretGuard.findSecret(Files.readString(demo.resolve(file)))).as(file).isNull();
        }

        // AND the HTML shows the same total and items in a real browser, without console errors
        try (Browser browser = Browser.start(dir.resolve("chrome-demo"))) {
            browser.driver.get(demo.resolve("scoresheet.html").toUri().toString());
            WebElement total = browser.driver.findElement(By.id("total"));
            assertThat(Double.parseDouble(total.getAttribute("data-marks"))).isEqualTo(20.0);
            assertThat(total.getText()).contains("20").contains("marks");
            assertThat(browser.driver.getPageSource()).containsIgnoringCase("sample account");
            for (ItemResult item : sheet.items()) {
                WebElement row = browser.driver.findElement(By.cssSelector("tbody[data-item='" + item.number() + "']"));
                assertThat(Double.parseDouble(row.getAttribute("data-marks"))).as("item " + item.number())
                        .isEqualTo(item.marks());
                assertThat(row.getText()).contains(item.title());
            }
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.screenshot("scoresheet.png")).isNotEmptyFile();
        }
    }

    @Test
    @Order(2)
    void batchGradesARosterThroughTheLivePipelineAndItsSummaryReadsSoInABrowser() throws Exception {
        try (EmbeddedLab lab = EmbeddedLab.start()) {
            // GIVEN a roster: the reference app, and a student whose app is not running
            Path roster = dir.resolve("roster.csv");
            Files.writeString(roster, String.join("\n",
                    "student_id,name,app_url,baseline_url,redis",
                    "s01,Ada," + lab.cacheUrl() + "," + lab.baselineUrl() + "," + lab.redisHost() + ":" + lab.redisPort(),
                    "s02,Bob,http://127.0.0.1:" + closedPort() + ",,",
                    ""));
            Path results = dir.resolve("results");

            // WHEN the judges run the batch
            int code = labcheck("batch", roster.toString(), "--out", results.toString(), "--jobs", "2");

            // THEN both are graded, marks lost (no AWS given), and the summary opens in Chromium
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.MARKS_LOST);
            List<String> marks = Files.readAllLines(results.resolve("marks.csv"));
            assertThat(marks).hasSize(3);
            Scoresheet ada = JsonReport.fromJson(Files.readString(results.resolve("s01/scoresheet.json")), "s01");
            Scoresheet bob = JsonReport.fromJson(Files.readString(results.resolve("s02/scoresheet.json")), "s02");
            // 14 app-side marks but one: without database access "hits skip the database" is unverifiable
            assertThat(ada.total()).as("the reference app's app-side marks").isEqualTo(13.0);
            assertThat(ada.items().stream().flatMap(i -> i.checks().stream())
                    .filter(c -> c.id().startsWith("app_") || c.id().startsWith("redis_"))
                    .filter(c -> c.outcome() != Outcome.PASSED).map(c -> c.id()))
                    .containsExactly("app_cache_hits_skip_database");
            assertThat(bob.total()).isZero();
            try (Browser browser = Browser.start(dir.resolve("chrome-batch"))) {
                browser.driver.get(results.resolve("summary.html").toUri().toString());
                assertThat(browser.driver.findElement(By.id("student-count")).getText()).isEqualTo("2");
                assertThat(browser.driver.findElement(By.id("student-s01")).getText()).contains("Ada").contains("13");
                assertThat(browser.driver.findElement(By.id("student-s02")).getText()).contains("Bob");
                assertThat(browser.screenshot("summary.png")).isNotEmptyFile();
                browser.driver.findElement(By.id("sort-total")).click();
                assertThat(browser.driver.getCurrentUrl()).containsPattern("#sort=-?total$");
                assertThat(browser.driver.findElement(By.id("sort-total")).getAttribute("aria-sort")).isNotBlank();
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
    }

    /** This JVM's live child processes (other test classes may keep shared servers running). */
    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** A port below 32768 that nothing listens on (it was free a moment ago). */
    private static int closedPort() throws Exception {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 50; i++) {
            int port = 20000 + random.nextInt(12000);
            try (var s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port below 32768");
    }
}
