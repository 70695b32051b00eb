package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code labcheck demo --lab-jar}: a jar that is missing or is not the reference app is a usage error, exit 2. */
class DemoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int labcheck(String... args) {
        CommandLine cli = new CommandLine(new Labcheck());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void givenALabJarThatDoesNotExistWhenTheDemoRunsThenExit2NamesItAndTheBuildCommand() {
        Path missing = dir.resolve("reference-app.jar");

        int code = labcheck("demo", "--lab-jar", missing.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains(missing.toString(), "does not exist", "mvn -B -DskipTests package")
                .hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void givenALabJarWithoutTheEmbeddedLabWhenTheDemoRunsThenExit2NamesTheJar() throws IOException {
        Path other = dir.resolve("other.jar");
        try (OutputStream file = Files.newOutputStream(other); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("other/Thing.class"));
            jar.write(new byte[] {1, 2, 3});
            jar.closeEntry();
        }

        int code = labcheck("demo", "--lab-jar", other.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains(other + " (from --lab-jar) is not the reference app's jar")
                .hasLineCount(1);
    }

    @Test
    void theDemoHelpNamesTheLabJarOptionAndItsEnvVar() {
        assertThat(labcheck("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--lab-jar=FILE", "LABCHECK_REFERENCE_APP");
    }
}
