package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labapp.EmbeddedLab;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.JsonReport;
import labcheck.report.Outcome;
import labcheck.report.Scoresheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code labcheck check --item}: only the chosen items' checks run, on only the evidence they read. */
class CheckItemTest {

    private static EmbeddedLab lab;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() {
        lab = EmbeddedLab.start();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    private int check(String... args) {
        CheckCommand command = new CheckCommand();
        command.env = Map.of("LAB_DB_PASSWORD", lab.dbPassword());
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--app", lab.cacheUrl(), "--baseline", lab.baselineUrl(),
                "--redis", lab.redisHost() + ":" + lab.redisPort(), "--db-url", lab.jdbcUrl(),
                "--db-user", lab.dbUser(), "--db-password-env", "LAB_DB_PASSWORD", "--out", dir.toString()));
        all.addAll(List.of(args));
        return cmd.execute(all.toArray(String[]::new));
    }

    @Test
    void itemTtlRunsOnlyTheTtlCheckOnTheKeysItReadAndLeavesTheTimingUnmeasured() throws Exception {
        // WHEN the student checks only the TTL item of the reference app
        int code = check("--item", "ttl");

        // THEN only the TTL check ran, and it earned its marks: the total is 2 of 2, the other items not run
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.ALL_MARKS);
        Scoresheet sheet = JsonReport.fromJson(Files.readString(dir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(sheet.items()).extracting(i -> i.id()).containsExactly("ttl");
        assertThat(sheet.items().get(0).checks()).extracting(c -> c.id()).containsExactly("redis_product_key_ttl_set");
        assertThat(sheet.items().get(0).status()).isEqualTo(Outcome.PASSED);
        assertThat(sheet.total()).isEqualTo(2.0);
        assertThat(sheet.max()).isEqualTo(2.0);
        assertThat(sheet.loop().notRun()).extracting(Scoresheet.NotRun::id)
                .contains("cluster", "security-group", "improvement", "hit-ratio").doesNotContain("ttl");
        assertThat(Files.readString(dir.resolve("scoresheet.txt"))).contains("not run");
        // AND results.json holds the TTL check alone, out of 2
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.get("tests")).hasSize(1);
        assertThat(results.get("tests").get(0).get("name").asText()).contains("redis_product_key_ttl_set");
        assertThat(results.get("score").asDouble()).isEqualTo(2.0);
        // AND the evidence holds the keys and the requests that filled them, and no timing, load or write probe
        Evidence evidence = EvidenceBundle.read(dir);
        var app = evidence.app().value();
        assertThat(app.redis().available()).isTrue();
        assertThat(app.lazyLoad().available()).isTrue();
        for (var notGathered : List.of(app.timing(), app.stats(), app.loadTest(), app.writeThrough(), app.delete(),
                app.health(), app.database(), app.warmCache(), app.servers())) {
            assertThat(notGathered.available()).isFalse();
            assertThat(notGathered.unavailable().message()).contains("--item");
        }
        assertThat(err.toString()).contains("--item: grading 1 check(s) (redis_product_key_ttl_set)");
    }

    @Test
    void itemSecurityGroupProbesNoAppAtAll() throws Exception {
        // WHEN only the security-group item is checked (no AWS here: its checks are unverifiable)
        int code = check("--item", "security-group");

        // THEN the app was not probed, the two security-group checks ran, nothing else did
        assertThat(code).isEqualTo(ExitCodes.MARKS_LOST);
        Evidence evidence = EvidenceBundle.read(dir);
        assertThat(evidence.app().available()).isFalse();
        assertThat(evidence.app().unavailable().message()).contains("--item");
        Scoresheet sheet = JsonReport.fromJson(Files.readString(dir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(sheet.items()).extracting(i -> i.id()).containsExactly("security-group");
        assertThat(sheet.items().get(0).checks()).extracting(c -> c.outcome())
                .containsOnly(Outcome.UNVERIFIABLE);
        assertThat(sheet.max()).isEqualTo(2.0);
    }

    @Test
    void aCheckIdRunsThatCheckAloneOutOfItsOwnMarks() throws Exception {
        int code = check("--item", "app_lazy_loading_miss_then_hit");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.ALL_MARKS);
        Scoresheet sheet = JsonReport.fromJson(Files.readString(dir.resolve("scoresheet.json")), "scoresheet.json");
        assertThat(sheet.items()).extracting(i -> i.id()).containsExactly("lazy-loading");
        assertThat(sheet.items().get(0).checks()).hasSize(1);
        assertThat(sheet.items().get(0).max()).isEqualTo(2.0);
        assertThat(sheet.total()).isEqualTo(2.0);
    }

    @Test
    void aMisspeltItemIsAUsageErrorThatSaysWhichWasMeantAndProbesNothing() {
        int code = check("--item", "tll");

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--item tll names no item or check").contains("Did you mean 'ttl'?")
                .doesNotContain("Probing");
        assertThat(dir.resolve("evidence.json")).doesNotExist();
    }
}
