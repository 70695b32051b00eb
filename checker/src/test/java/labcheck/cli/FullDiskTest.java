package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --out} on a full disk: a tmpfs of 256 KiB the test mounts and fills (root only; CI runs as
 * root), unmounted afterwards.
 */
class FullDiskTest {

    private static final String BUNDLE = "src/test/resources/bundles/correct";

    @TempDir
    Path tmp;

    private Path disk;
    private boolean mounted;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void mountAFullDisk() throws Exception {
        disk = Files.createDirectory(tmp.resolve("full"));
        mounted = exec("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) == 0;
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root (CI runs as root)");
        byte[] block = new byte[4096];
        try (var fill = Files.newOutputStream(disk.resolve("fill"))) {
            while (true) {
                fill.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            exec("umount", disk.toString());
        }
    }

    @Test
    void gradeToAFullDiskIsAnInputErrorNamingTheDirectoryAndTheCause() {
        CommandLineRun run = run("grade", BUNDLE, "--out", disk.resolve("out").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err()).contains(disk.resolve("out").toString()).contains("No space left on device").contains("give another --out")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private record CommandLineRun(int code, String err) {
    }

    private CommandLineRun run(String... args) {
        var cli = Labcheck.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandLineRun(code, err.toString());
    }

    private static int exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
