package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the summary in headless Chromium (installed by .ci/run) and reads the sorted table back. */
class SummaryInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theTableSortsInTheBrowserByTheColumnNamedInTheAddress() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium (apt-get install chromium)");
        // GIVEN five students whose totals differ by what their accounts hold
        Path accounts = Files.createDirectories(dir.resolve("accounts"));
        Accounts.cluster(accounts, "a1", "1", "available", "cache.m5.large");
        Accounts.cluster(accounts, "b2", "2", "available", "cache.t2.micro");
        Accounts.cluster(accounts, "c3", "3", "creating", "cache.m5.large");
        Accounts.accessDenied(accounts, "d4", "4");
        Accounts.cluster(accounts, "e5", "5", "available", "cache.t2.micro");
        ResultStore store = new ResultStore(dir.resolve("results"));
        TestRubric rubric = new TestRubric();
        for (String id : List.of("a1", "b2", "c3", "d4", "e5")) {
            Evidence e = EvidenceBundle.read(accounts.resolve(id));
            store.commit(new StudentRecord(id, id.toUpperCase(), 2, null, Status.MARKS_LOST, null, null, 0,
                    rubric.apply(e)), e, null);
        }
        new CohortFiles(null).write(Cohort.load(store, id -> true, List.of()), store.root());
        Path page = store.root().resolve(CohortFiles.SUMMARY);

        // WHEN Chromium runs the page's script with #sort=-total, THEN the rows come highest total first
        assertThat(rowOrder(page, "#sort=-total")).containsExactly("b2", "e5", "a1", "c3", "d4");
        assertThat(rowOrder(page, "#sort=name")).containsExactly("a1", "b2", "c3", "d4", "e5");
        assertThat(rowOrder(page, "")).as("unsorted: by student id").containsExactly("a1", "b2", "c3", "d4", "e5");
    }

    private List<String> rowOrder(Path page, String hash) throws Exception {
        Path dom = dir.resolve("dom.html");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri() + hash)
                .redirectOutput(dom.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"student-([^\"]+)\"").matcher(Files.readString(dom));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
