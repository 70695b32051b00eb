package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code checker/src/test/resources/golden/}. Compares from the source tree
 * (not the classpath copy) so a regenerated file is what the next run compares against.
 *
 * <p>Regenerate after an intended change, then review the diff with {@code git diff}:
 * <pre>{@code
 * mvn -q -B -o -pl checker test -Dtest='ReportsGoldenTest' -Dgolden.update=true
 * }</pre>
 */
final class Golden {

    /** Surefire runs tests with the module directory as the working directory. */
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Asserts {@code actual} equals the golden file {@code name}, or rewrites it when updating. */
    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (updating()) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing; create it with -Dgolden.update=true", file.toAbsolutePath())
                .isRegularFile();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file %s; if the change is intended, regenerate with"
                + " -Dgolden.update=true and review git diff", name, file).isEqualTo(expected);
    }
}
