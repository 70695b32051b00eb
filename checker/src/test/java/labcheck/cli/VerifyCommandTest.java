package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcheck.batch.Accounts;
import labcheck.batch.FixtureGrader;
import labcheck.batch.Grading;
import labcheck.batch.JsonScoresheetWriter;
import labcheck.batch.LabServer;
import labcheck.batch.TestRubric;
import labcheck.seal.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code batch --sign} seals every folder; {@code labcheck verify} passes them untouched and names any change. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LabServer server;
    private Path results;
    private Keys judges;

    @BeforeEach
    void gradeASignedCohort() throws Exception {
        server = new LabServer().app("good", LabServer.App.good());
        Path accounts = Files.createDirectories(dir.resolve("accounts"));
        StringBuilder csv = new StringBuilder("student_id,name,region,profile,app_url\n");
        for (int i = 1; i <= 2; i++) {
            Accounts.cluster(accounts, "c" + i, "10000000000" + i, "available", "cache.t2.micro");
            csv.append("c").append(i).append(",Student ").append(i).append(",us-east-1,judge,")
                    .append(server.url("good")).append('\n');
        }
        Path roster = Files.writeString(dir.resolve("roster.csv"), csv.toString());
        judges = Keys.create(Files.createDirectories(dir.resolve("keys")), "judges");
        results = dir.resolve("results");
        Grading.Factory grading = (rubric, templates) -> new Grading(new FixtureGrader(accounts, new TestRubric(), 0),
                new TestRubric(), new JsonScoresheetWriter());
        int exit = execute(new BatchCommand(grading, Map.of()), roster.toString(), "--out", results.toString(),
                "--sign", judges.privatePem().toString(), "--progress", "lines");
        assertThat(exit).as(err.toString()).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int execute(Object command, String... args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int verify(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return execute(new VerifyCommand(), args);
    }

    @Test
    void anUntouchedSignedCohortVerifiesWithItsPublicKey() {
        assertThat(verify(results.toString(), "--public-key", judges.publicPem().toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith(results + " is as labcheck wrote it: ")
                .contains("match 3 manifest(s), every signature verified with " + judges.publicPem() + ".");
        assertThat(verify(results.resolve("c1").toString())).isZero();
        assertThat(out.toString()).contains("1 signature(s) present, not checked: give --public-key FILE");
    }

    @Test
    void aOneByteEditFailsNamingTheFile() throws Exception {
        Path sheet = results.resolve("c2/scoresheet.json");
        byte[] bytes = Files.readAllBytes(sheet);
        bytes[bytes.length - 3] ^= 1;
        Files.write(sheet, bytes);

        assertThat(verify(results.toString(), "--public-key", judges.publicPem().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("labcheck verify: changed: c2/scoresheet.json (its SHA-256 is ")
                .contains(results + " is NOT as labcheck wrote it: 1 problem(s) above");
        assertThat(verify(results.resolve("c2").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("changed: scoresheet.json (");
    }

    @Test
    void aFileAddedOrRemovedFailsNamingIt() throws Exception {
        Files.writeString(results.resolve("c1/appeal-notes.txt"), "more marks please");
        Files.delete(results.resolve("marks.csv"));

        assertThat(verify(results.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("added: c1/appeal-notes.txt (on disk, not in c1/MANIFEST.sha256).",
                "missing: marks.csv (listed in MANIFEST.sha256, not on disk).");
    }

    @Test
    void aRegradeWritesNewManifestsKeepingTheEarlierOnes() throws Exception {
        String first = Files.readString(results.resolve("c1/MANIFEST.sha256"));

        int exit = execute(new BatchCommand((r, t) -> new Grading((s, b) -> {
            throw new AssertionError("a regrade from evidence grades nobody live");
        }, new TestRubric(), new JsonScoresheetWriter()), Map.of()), "--regrade-from-evidence", "--out",
                results.toString(), "--sign", judges.privatePem().toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(results.resolve("c1/MANIFEST.sha256.1"))).isEqualTo(first);
        assertThat(results.resolve("c1/MANIFEST.sha256.1.sig")).exists();
        assertThat(Files.readString(results.resolve("c1/MANIFEST.sha256"))).contains("  MANIFEST.sha256.1\n");
        assertThat(verify(results.toString(), "--public-key", judges.publicPem().toString())).as(err.toString()).isZero();
    }

    @Test
    void theWrongPublicKeyFailsEverySignatureAndNoPrivateKeyIsEverPrinted() throws Exception {
        Keys other = Keys.create(dir.resolve("keys"), "other");

        assertThat(verify(results.toString(), "--public-key", other.publicPem().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("signature: MANIFEST.sha256.sig does not match MANIFEST.sha256",
                "signature: c1/MANIFEST.sha256.sig", "signature: c2/MANIFEST.sha256.sig");
        assertThat(verify(results.toString(), "--public-key", judges.privatePem().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds a private key");
        for (Path f : Files.walk(results).filter(Files::isRegularFile).toList()) {
            assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(judges.privateBase64().substring(16, 40));
        }
        assertThat(out + err.toString()).doesNotContain(judges.privateBase64().substring(16, 40));
    }

    @Test
    void aMergedCohortIsSealedAgainAndItsStudentsKeepTheirSignedManifests() {
        Path merged = dir.resolve("merged");

        int exit = execute(new MergeCommand(), results.toString(), "--out", merged.toString(), "--sign",
                judges.privatePem().toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(verify(merged.toString(), "--public-key", judges.publicPem().toString())).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("match 3 manifest(s), every signature verified");
    }

    @Test
    void aFolderNeverSealedOrNotAFolderIsAnInputError() throws Exception {
        assertThat(verify(dir.resolve("keys").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing: MANIFEST.sha256 (the folder " + dir.resolve("keys")
                + " has no manifest: never sealed, or it was removed).");
        assertThat(verify(dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory");
    }
}
