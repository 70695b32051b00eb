package labcheck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the demo finds the reference app's embedded lab, on real jars laid out as an install
 * ({@code reference-app.jar} beside labcheck.jar) and as the source tree
 * ({@code checker/target/labcheck.jar} and {@code reference-app/target/reference-app.jar}).
 */
class DemoLabTest {

    /** Asked last; the platform loader has no labapp.EmbeddedLab, as labcheck.jar has none. */
    private static final ClassLoader WITHOUT_LAB = ClassLoader.getPlatformClassLoader();

    @TempDir
    Path repo;

    private Path home;
    private Path beside;
    private Path tree;

    @BeforeEach
    void layout() throws IOException {
        home = Files.createDirectories(repo.resolve("checker/target"));
        beside = home.resolve("reference-app.jar");
        tree = Files.createDirectories(repo.resolve("reference-app/target")).resolve("reference-app.jar");
    }

    @Test
    void givenAJarBesideLabcheckAndTheSourceTreesWhenLocatedThenTheOneBesideWins() throws IOException {
        labJar(beside);
        labJar(tree);

        DemoLab.Source found = DemoLab.locate(null, null, home, WITHOUT_LAB);

        assertThat(found.jar()).isEqualTo(beside.toAbsolutePath().normalize());
        assertThat(found.how()).isEqualTo("beside labcheck.jar");
    }

    @Test
    void givenOnlyTheSourceTreesBuildWhenLocatedThenReferenceAppTargetIsUsed() throws IOException {
        labJar(tree);

        DemoLab.Source found = DemoLab.locate(null, null, home, WITHOUT_LAB);

        assertThat(found.jar()).isEqualTo(tree.toAbsolutePath().normalize());
    }

    @Test
    void givenTheOptionAndTheEnvVarWhenLocatedThenTheOptionWinsAndTheEnvVarBeatsTheDefaults() throws IOException {
        labJar(beside);
        Path fromEnv = labJar(repo.resolve("env/lab.jar"));
        Path fromOption = labJar(repo.resolve("option/lab.jar"));

        assertThat(DemoLab.locate(fromOption, fromEnv.toString(), home, WITHOUT_LAB).jar()).isEqualTo(fromOption);
        DemoLab.Source env = DemoLab.locate(null, fromEnv.toString(), home, WITHOUT_LAB);
        assertThat(env.jar()).isEqualTo(fromEnv);
        assertThat(env.how()).isEqualTo(DemoLab.ENV);
        assertThat(DemoLab.locate(null, "  ", home, WITHOUT_LAB).jar()).as("a blank env var is unset")
                .isEqualTo(beside.toAbsolutePath().normalize());
    }

    @Test
    void givenNoJarAnywhereWhenLocatedThenOneLineNamesEveryPathTriedAndTheFix() {
        assertThatThrownBy(() -> DemoLab.locate(null, null, home, WITHOUT_LAB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(beside.toAbsolutePath().normalize().toString())
                .hasMessageContaining(tree.toAbsolutePath().normalize().toString())
                .hasMessageContaining("labapp.EmbeddedLab on labcheck's classpath")
                .hasMessageContaining("mvn -B -DskipTests package")
                .hasMessageContaining("./labcheck demo")
                .hasMessageContaining("--lab-jar")
                .message().doesNotContain("\n");
    }

    @Test
    void givenNoJarButTheLabOnLabchecksClasspathWhenLocatedThenTheClasspathIsUsed() {
        DemoLab.Source found = DemoLab.locate(null, null, home, DemoLabTest.class.getClassLoader());

        assertThat(found.jar()).isNull();
        assertThat(found.how()).isEqualTo("labcheck's classpath");
    }

    @Test
    void givenAJarThatIsNotTheReferenceAppWhenLocatedThenItsPathIsNamed() throws IOException {
        jar(beside, "other/Thing.class", new byte[] {1, 2, 3});
        Path text = Files.writeString(repo.resolve("notes.jar"), "not a zip");

        assertThatThrownBy(() -> DemoLab.locate(null, null, home, DemoLabTest.class.getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(beside.toAbsolutePath().normalize() + " (from beside labcheck.jar)")
                .hasMessageContaining("is not the reference app's jar: it has no labapp.EmbeddedLab");
        assertThatThrownBy(() -> DemoLab.locate(text, null, home, WITHOUT_LAB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text + " (from --lab-jar) is not a readable jar");
        assertThatThrownBy(() -> DemoLab.locate(repo.resolve("absent.jar"), null, home, WITHOUT_LAB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(repo.resolve("absent.jar") + " (from --lab-jar) does not exist");
    }

    @Test
    void givenTheLocatedLabWhenStartedThenBothAppsAnswerAndCloseStopsEverythingItStarted() throws Exception {
        Set<Long> before = children();
        String cacheUrl;
        try (DemoLab lab = DemoLab.start(DemoLab.locate(null, System.getenv()))) {
            cacheUrl = lab.cacheUrl();
            assertThat(status(cacheUrl + "/health")).isEqualTo(200);
            assertThat(status(lab.baselineUrl() + "/health")).isEqualTo(200);
            assertThat(lab.redisHost()).isEqualTo("127.0.0.1");
            assertThat(lab.redisPort()).isBetween(1, 32767);
            assertThat(lab.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:");
            assertThat(lab.dbUser()).isNotBlank();
            assertThat(lab.dbPassword()).isNotBlank();
            assertThat(lab.redisPassword()).isNull();
            lab.close();
            lab.close();
        }
        assertThat(children()).as("processes the lab left running").isSubsetOf(before);
        assertThatThrownBy(() -> status(cacheUrl + "/health")).isInstanceOf(IOException.class);
    }

    private static int status(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** A jar holding the real labapp.EmbeddedLab class file, as reference-app.jar does. */
    private static Path labJar(Path file) throws IOException {
        try (InputStream in = DemoLabTest.class.getClassLoader().getResourceAsStream(DemoLab.LAB_ENTRY)) {
            assertThat(in).as("the reference app's classes on the test classpath").isNotNull();
            return jar(file, DemoLab.LAB_ENTRY, in.readAllBytes());
        }
    }

    private static Path jar(Path file, String entry, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(bytes);
            jar.closeEntry();
        }
        return file.toAbsolutePath().normalize();
    }
}
