package labcheck.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealTest {

    @TempDir
    Path dir;

    /** A cohort as batch writes it: two sealed student folders, the cohort files, a working folder. */
    private Path cohort(Seal seal) throws IOException {
        Path root = Files.createDirectories(dir.resolve("results"));
        for (String id : List.of("s1", "s2")) {
            Path s = Files.createDirectories(root.resolve(id));
            Files.writeString(s.resolve("evidence.json"), "{\"student\":\"" + id + "\"}\n");
            Files.writeString(s.resolve("scoresheet.json"), "{\"total\":17}\n");
            Files.writeString(s.resolve("COMPLETE"), "marks_lost\n");
            seal.apply(s);
        }
        Files.createDirectories(root.resolve("_batch/staging"));
        Files.writeString(root.resolve("_batch/staging/half-written.tmp"), "working file");
        Files.writeString(root.resolve("marks.csv"), "student_id,total\r\ns1,17\r\ns2,17\r\n");
        Files.writeString(root.resolve("summary.html"), "<html></html>\n");
        seal.apply(root);
        return root;
    }

    @Test
    void aStudentsManifestListsEachFileInSha256sumsFormatAndSha256sumAgrees() throws Exception {
        Path root = cohort(Seal.UNSIGNED);

        assertThat(Files.readString(root.resolve("s1/MANIFEST.sha256"))).isEqualTo(
                Manifest.sha256(root.resolve("s1/COMPLETE")) + "  COMPLETE\n"
                + Manifest.sha256(root.resolve("s1/evidence.json")) + "  evidence.json\n"
                + Manifest.sha256(root.resolve("s1/scoresheet.json")) + "  scoresheet.json\n");
        assertThat(sha256sumCheck(root.resolve("s1"))).isZero();
        assertThat(sha256sumCheck(root)).isZero();
    }

    @Test
    void theCohortsManifestListsTheStudentsManifestsNotTheirFilesNorTheWorkingFolder() throws Exception {
        Path root = cohort(Seal.UNSIGNED);

        assertThat(Manifest.parse(Files.readString(root.resolve("MANIFEST.sha256")), "m").keySet())
                .containsExactly("marks.csv", "s1/MANIFEST.sha256", "s2/MANIFEST.sha256", "summary.html");
    }

    @Test
    void anUntouchedCohortVerifies() throws Exception {
        Verification v = Verification.of(cohort(Seal.UNSIGNED), null);

        assertThat(v.problems()).isEmpty();
        assertThat(v.manifests()).isEqualTo(3);
        assertThat(v.files()).isEqualTo(4 + 2 * 3);
    }

    @Test
    void aOneByteEditInAStudentsFileFailsNamingTheFile() throws Exception {
        Path root = cohort(Seal.UNSIGNED);
        byte[] sheet = Files.readAllBytes(root.resolve("s2/scoresheet.json"));
        sheet[10] = (byte) '9';   // {"total":97}
        Files.write(root.resolve("s2/scoresheet.json"), sheet);

        Verification v = Verification.of(root, null);

        assertThat(v.problems()).singleElement().asString().startsWith("changed: s2/scoresheet.json (its SHA-256 is ")
                .endsWith("; s2/MANIFEST.sha256 says " + "%s).".formatted(
                        Manifest.parse(Files.readString(root.resolve("s2/MANIFEST.sha256")), "m").get("scoresheet.json")));
    }

    @Test
    void aFileAddedOrRemovedIsNamed() throws Exception {
        Path root = cohort(Seal.UNSIGNED);
        Files.writeString(root.resolve("s1/extra-credit.txt"), "please");
        Files.delete(root.resolve("s2/evidence.json"));
        Files.createDirectories(root.resolve("s3"));
        Files.writeString(root.resolve("s3/scoresheet.json"), "{\"total\":20}");

        assertThat(Verification.of(root, null).problems()).containsExactlyInAnyOrder(
                "added: s3/scoresheet.json (on disk, not in MANIFEST.sha256).",
                "added: s1/extra-credit.txt (on disk, not in s1/MANIFEST.sha256).",
                "missing: s2/evidence.json (listed in s2/MANIFEST.sha256, not on disk).");
    }

    @Test
    void anEditedStudentManifestIsCaughtByTheCohortsManifest() throws Exception {
        Path root = cohort(Seal.UNSIGNED);
        Files.writeString(root.resolve("s1/scoresheet.json"), "{\"total\":20}\n");
        Seal.UNSIGNED.apply(root.resolve("s1"));   // a forger reseals the student, not the cohort

        assertThat(Verification.of(root, null).problems()).singleElement().asString()
                .startsWith("changed: s1/MANIFEST.sha256 (");
    }

    @Test
    void signaturesVerifyWithTheRightPublicKeyOnlyAndAnEditedManifestFails() throws Exception {
        Keys judges = Keys.create(dir, "judges");
        Keys other = Keys.create(dir, "other");
        Path root = cohort(Seal.signedWith(Ed25519.privateKey(judges.privatePem())));

        assertThat(Verification.of(root, Ed25519.publicKey(judges.publicPem())).problems()).isEmpty();
        assertThat(Verification.of(root, null).unchecked()).isEqualTo(3);
        assertThat(Verification.of(root, Ed25519.publicKey(other.publicPem())).problems()).hasSize(3)
                .allMatch(p -> p.startsWith("signature: ") && p.contains("under this public key"));

        // a forger edits a file and rewrites the manifests over it, but cannot sign them
        Files.writeString(root.resolve("s1/scoresheet.json"), "{\"total\":20}\n");
        Files.writeString(root.resolve("s1/MANIFEST.sha256"), Manifest.text(Manifest.scope(root.resolve("s1"))));
        Files.writeString(root.resolve("MANIFEST.sha256"), Manifest.text(Manifest.scope(root)));
        assertThat(Verification.of(root, null).problems()).isEmpty();
        assertThat(Verification.of(root, Ed25519.publicKey(judges.publicPem())).problems()).containsExactlyInAnyOrder(
                "signature: MANIFEST.sha256.sig does not match MANIFEST.sha256 under this public key (the manifest"
                        + " was edited, or signed with another key).",
                "signature: s1/MANIFEST.sha256.sig does not match s1/MANIFEST.sha256 under this public key (the"
                        + " manifest was edited, or signed with another key).");

        // or reseals the student without the key: the new manifest is then unsigned
        Seal.UNSIGNED.apply(root.resolve("s2"));
        Files.writeString(root.resolve("s2/scoresheet.json"), "{\"total\":20}\n");
        Seal.UNSIGNED.apply(root.resolve("s2"));
        Files.writeString(root.resolve("MANIFEST.sha256"), Manifest.text(Manifest.scope(root)));
        assertThat(Verification.of(root, Ed25519.publicKey(judges.publicPem())).problems())
                .contains("not signed: s2/MANIFEST.sha256 has no signature beside it (s2/MANIFEST.sha256.sig).");
    }

    @Test
    void aResealAfterAChangeKeepsTheEarlierManifestAndSignatureBesideTheNew() throws Exception {
        Keys judges = Keys.create(dir, "judges");
        Seal seal = Seal.signedWith(Ed25519.privateKey(judges.privatePem()));
        Path root = cohort(seal);
        String first = Files.readString(root.resolve("s1/MANIFEST.sha256"));

        Files.writeString(root.resolve("s1/scoresheet.json"), "{\"total\":18}\n");
        seal.apply(root.resolve("s1"));
        seal.apply(root.resolve("s1"));   // nothing changed since: no third manifest

        assertThat(Files.readString(root.resolve("s1/MANIFEST.sha256.1"))).isEqualTo(first);
        assertThat(root.resolve("s1/MANIFEST.sha256.1.sig")).exists();
        assertThat(root.resolve("s1/MANIFEST.sha256.2")).doesNotExist();
        assertThat(Manifest.parse(Files.readString(root.resolve("s1/MANIFEST.sha256")), "m"))
                .containsKeys("MANIFEST.sha256.1", "MANIFEST.sha256.1.sig");
        seal.apply(root);
        assertThat(Verification.of(root, Ed25519.publicKey(judges.publicPem())).problems()).isEmpty();
    }

    @Test
    void opensslVerifiesLabchecksSignatureAndLabcheckReadsOpensslsKey() throws Exception {
        Assumptions.assumeTrue(run(dir, "openssl", "version") == 0, "openssl is not installed");
        assertThat(run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "ossl.pem")).isZero();
        assertThat(run(dir, "openssl", "pkey", "-in", "ossl.pem", "-pubout", "-out", "ossl.pub.pem")).isZero();
        Path root = cohort(Seal.signedWith(Ed25519.privateKey(dir.resolve("ossl.pem"))));

        assertThat(run(root, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", dir.resolve("ossl.pub.pem").toString(),
                "-rawin", "-in", "MANIFEST.sha256", "-sigfile", "MANIFEST.sha256.sig")).isZero();
        assertThat(Verification.of(root, Ed25519.publicKey(dir.resolve("ossl.pub.pem"))).problems()).isEmpty();
    }

    @Test
    void aKeyFileThatIsNotAnEd25519PrivateKeyIsRefusedWithoutQuotingIt() throws Exception {
        Keys judges = Keys.create(dir, "judges");
        Path garbled = Files.writeString(dir.resolve("garbled.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + judges.privateBase64().substring(4) + "\n-----END PRIVATE KEY-----\n");
        Path rsa = dir.resolve("rsa.pem");
        var pair = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(rsa, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        for (Path bad : List.of(garbled, rsa, judges.publicPem(), dir.resolve("absent.pem"))) {
            assertThatThrownBy(() -> Ed25519.privateKey(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--sign " + bad + " ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(judges.privateBase64().substring(8, 24)));
        }
        assertThatThrownBy(() -> Ed25519.publicKey(judges.privatePem())).hasMessageContaining("holds a private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(judges.privateBase64().substring(8, 24)));
    }

    private static int sha256sumCheck(Path folder) throws Exception {
        Assumptions.assumeTrue(run(folder, "sha256sum", "--version") == 0, "coreutils' sha256sum is not installed");
        return run(folder, "sha256sum", "--strict", "--quiet", "-c", "MANIFEST.sha256");
    }

    private static int run(Path cwd, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException notInstalled) {
            return -1;
        }
    }
}
