package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** labcheck.yaml as `labcheck check` reads it, end to end: every mistake names the file, the line and the fix. */
class YamlDefaultsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String yaml, String... args) throws IOException {
        Path file = Files.writeString(tmp.resolve("labcheck.yaml"), yaml);
        Map<String, String> env = Map.of("LABCHECK_CONFIG", file.toString());
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setDefaultValueProvider(new YamlDefaults(env));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void aFileOfCommentsOnlyGivesNoDefaultsAndIsNoError() throws IOException {
        int code = check("# labcheck.yaml\n# app: http://3.80.1.2:5001\n", "--out", tmp.resolve("o").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck: nothing to check.").doesNotContain("labcheck.yaml");
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheFileTheLineAndTheNearestKey() throws IOException {
        int code = check("# my settings\nregion: us-east-1\naap: http://127.0.0.1:1\n");

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: " + tmp.resolve("labcheck.yaml") + ", line 3: unknown key"
                + " 'aap'. Fix: did you mean 'app'? keys are the long options of `labcheck check --help` without the"
                + " dashes.\n");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNamingItAndBothLines() throws IOException {
        int code = check("app: http://127.0.0.1:1\nregion: us-east-1\napp: http://127.0.0.1:2\n", "--out",
                tmp.resolve("o").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).isEqualTo("labcheck: " + tmp.resolve("labcheck.yaml") + ", line 3: key 'app'"
                + " appears twice in the top level (first on line 1); YAML would keep only the last, silently. Fix:"
                + " keep one of them.\n");
    }

    @Test
    void aFileSavedAsUtf16IsNamedAsSuchWithTheFix() throws IOException {
        Path file = Files.write(tmp.resolve("labcheck.yaml"), "app: http://127.0.0.1:1\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Map<String, String> env = Map.of("LABCHECK_CONFIG", file.toString());
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setErr(new PrintWriter(err, true));

        assertThat(cmd.execute("--out", tmp.resolve("o").toString())).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains(file + " is saved as UTF-16LE (without a byte-order mark); labcheck"
                + " reads UTF-8. Fix: save it as UTF-8: iconv -f UTF-16LE -t UTF-8 " + file);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheFileAndTheLine() throws IOException {
        int code = check("app: http://127.0.0.1:1\nbudget: soon\n", "--out", tmp.resolve("o").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("labcheck: " + tmp.resolve("labcheck.yaml") + ", line 2: budget must"
                + " be a whole number, got 'soon'. Fix the value in the file, or give --budget on the command line.")
                .doesNotContain("\tat ");
    }

    @Test
    void aListWhereOneValueBelongsIsATypeErrorToo() throws IOException {
        int code = check("app:\n  - http://127.0.0.1:1\n  - http://127.0.0.1:2\n");

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("labcheck.yaml, line 1: app must be a single value, got a list.");
    }

    @Test
    void theNearestKeyIsOnlySuggestedWhenItIsClose() {
        assertThat(Nearest.suggestion("baselin", java.util.List.of("app", "baseline"))).isEqualTo(
                "did you mean 'baseline'? ");
        assertThat(Nearest.suggestion("colour", java.util.List.of("app", "baseline"))).isEmpty();
    }
}
