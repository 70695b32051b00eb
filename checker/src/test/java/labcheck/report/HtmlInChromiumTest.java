package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML scoresheet in headless Chromium and reads back the DOM the browser built: a
 * real HTML parser must keep every item block and check row where the template put them.
 * Runs when {@code LABCHECK_SYSTEM_SERVERS} is set (CI installs chromium with the servers).
 */
class HtmlInChromiumTest {

    @TempDir
    Path dir;

    @Test
    void chromiumBuildsTheSameItemsChecksAndTotalTheTemplateWrote() throws Exception {
        assumeTrue(System.getenv("LABCHECK_SYSTEM_SERVERS") != null,
                "LABCHECK_SYSTEM_SERVERS is unset: Debian's chromium is not known to be installed"
                        + " (.ci/run installs it)");
        Path chromium = onPath("chromium", "chromium-browser");
        assumeTrue(chromium != null, "no chromium on PATH (apt-get install chromium)");
        Path html = dir.resolve("scoresheet.html");
        Files.writeString(html, Reports.withTemplates(null).html(SampleScoresheets.everyCase()),
                StandardCharsets.UTF_8);

        String dom = dumpDom(chromium, html);

        assertThat(count(dom, "<tbody class=\"item [a-z]+\" data-item=\"")).isEqualTo(9);
        assertThat(count(dom, "<tr class=\"check [a-z]+\"[^>]* data-check=\"")).isEqualTo(13);
        assertThat(dom).contains("id=\"total\" data-marks=\"11\" data-max=\"20\"")
                .contains("id=\"sample-account\"")
                .contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(count(dom, "<script")).isZero();
    }

    private String dumpDom(Path chromium, Path html) throws Exception {
        Path out = dir.resolve("dom.html");
        Path err = dir.resolve("chromium.log");
        // loopback-only proxy: should the browser try any network at all, it goes nowhere
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--proxy-server=127.0.0.1:9", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom",
                html.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished within 90 s; log: %s", err).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(dom).as("chromium dumped a DOM; log: %s", err).contains("</html>");
        return dom;
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    private static Path onPath(String... names) {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dirName, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

}
