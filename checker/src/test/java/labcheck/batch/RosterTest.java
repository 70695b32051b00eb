package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    private static final String HEADER = "student_id,name,region,profile,role_arn,external_id,app_url,baseline_url,"
            + "redis,db_url,db_user,db_password_env,cluster_id\n";

    private static Roster csv(String rows, Map<String, String> env) {
        return Roster.fromCsv(HEADER + rows, "roster.csv", env);
    }

    @Test
    void aFullRowBecomesAnEntryWithEveryColumn() {
        Roster r = csv("s1,Ann,us-east-1,,arn:aws:iam::123456789012:role/judge,ext-1,http://203.0.113.5:5001,"
                + "http://203.0.113.5:5000,cache.example:6379,jdbc:mysql://db.example:3306/productdb,admin,"
                + "S1_DB_PW,product-cache-cluster\n", Map.of("S1_DB_PW", "x"));
        assertThat(r.problems()).isEmpty();
        RosterEntry e = r.entries().get(0);
        assertThat(e.row()).isEqualTo(2);
        assertThat(e.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/judge");
        assertThat(e.dbPasswordEnv()).isEqualTo("S1_DB_PW");
        assertThat(e.measuredHosts()).containsExactly("203.0.113.5:5000", "203.0.113.5:5001");
    }

    @Test
    void eachBadRowIsReportedWithItsRowAndReasonAndTheOthersAreKept() {
        Roster r = csv(String.join("\n",
                "ok1,,,,,,http://a.example:5001,,,,,,",
                "p1,,us-east-1,judge,arn:aws:iam::123456789012:role/j,,http://a.example,,,,,,",
                "p2,,us-east-1,,,ext,http://a.example,,,,,,",
                "p3,,,judge,,,http://a.example,,,,,,",
                "p4,,,,,,,,,,,,",
                "p5,,,,,,http://a.example,,,jdbc:mysql://u:pw@db.example/x,,,",
                "p6,,,,,,http://a.example,,,,,UNSET_VAR,",
                "p7,,,,,,http://a.example,,not a redis,,,,",
                "../etc,,,,,,http://a.example,,,,,,",
                "ok2,,eu-west-1,judge,,,,,,,,,"), Map.of());
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("ok1", "ok2");
        assertThat(r.problems()).extracting(RosterProblem::describe).containsExactly(
                "row 3 (p1): give profile or role_arn, not both.",
                "row 4 (p2): external_id is only used with role_arn; add the role or drop the external id.",
                "row 5 (p3): region is empty but AWS credentials are named; add the region the lab was built in.",
                "row 6 (p4): nothing to grade: give app_url, or region with profile or role_arn.",
                "row 7 (p5): column db_url looks like it holds a secret (a password, key or token); secrets never "
                        + "go in the roster: remove it, put it in an environment variable and name that variable "
                        + "in db_password_env.",
                "row 8 (p6): db_password_env: the variable UNSET_VAR is not set. Fix: read -rs UNSET_VAR; export"
                        + " UNSET_VAR (it stays off the screen), then run labcheck again.",
                "row 9 (p7): redis 'not a redis' is neither host:port nor a redis:// URL.",
                "row 10: student_id '../etc' is not usable as a directory name; use letters, digits, '.', '_' "
                        + "and '-' (up to 64, starting with a letter or digit).");
    }

    @Test
    void aDuplicatedStudentIdIsGradedOnNoneOfItsRows() {
        Roster r = Roster.fromCsv("student_id,app_url\ns1,http://a.example\ns2,http://b.example\n"
                + "s1,http://c.example\n", "r.csv", Map.of());
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s2");
        assertThat(r.problems()).extracting(RosterProblem::describe).containsExactly(
                "row 2 (s1): student id s1 appears on rows 2, 4; none of them was graded: keep one row per student.",
                "row 4 (s1): student id s1 appears on rows 2, 4; none of them was graded: keep one row per student.");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() {
        Roster r = Roster.fromCsv("student_id,name,app_url\ns1,Ann, B,http://a.example\n", "r.csv", Map.of());
        assertThat(r.problems()).extracting(RosterProblem::describe)
                .containsExactly("row 2: has 4 fields but the header has 3; quote fields that contain commas.");
    }

    @Test
    void aSecretColumnOrAnUnknownColumnRejectsTheWholeFile() {
        assertThatThrownBy(() -> Roster.fromCsv("student_id,db_password\ns1,x\n", "r.csv", Map.of()))
                .isInstanceOf(Roster.RosterException.class)
                .hasMessageContaining("unknown column(s) [db_password]; secrets never go in the roster");
        assertThatThrownBy(() -> Roster.fromCsv("student_id,appurl\n", "r.csv", Map.of()))
                .hasMessageContaining("unknown column(s) [appurl]").hasMessageContaining("Known columns: student_id");
        assertThatThrownBy(() -> Roster.fromCsv("name,app_url\n", "r.csv", Map.of()))
                .hasMessageContaining("no student_id column");
        assertThatThrownBy(() -> Roster.fromCsv("", "r.csv", Map.of())).hasMessageContaining("no header row");
    }

    @Test
    void spreadsheetStyleHeadersAreAccepted() {
        Roster r = Roster.fromCsv("Student ID,App-URL\ns1,http://a.example\n", "r.csv", Map.of());
        assertThat(r.entries()).extracting(RosterEntry::appUrl).containsExactly("http://a.example");
    }

    @Test
    void yamlRostersReadAsAListOrUnderStudents(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.yaml");
        Files.writeString(file, """
                students:
                  - student_id: s1
                    name: "Ann B"
                    app_url: http://a.example:5001
                  - student_id: s2
                    db_password: hunter2
                    app_url: http://b.example
                  - just a string
                  - student_id: s3
                    region: us-east-1
                    profile: judge
                """);
        Roster r = Roster.read(file, Map.of());
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s1", "s3");
        assertThat(r.problems()).extracting(RosterProblem::describe).containsExactly(
                "row 2 (s2): unknown key(s) [db_password]; known keys are [student_id, name, region, profile, "
                        + "role_arn, external_id, app_url, baseline_url, redis, db_url, db_user, db_password_env, "
                        + "cluster_id, ssh_user, ssh_host, ssh_port, ssh_key, ssh_via, no_writes] (secrets never go in the roster: name an "
                        + "environment variable in "
                        + "db_password_env).",
                "row 3: entry 3 is not a mapping of column to value.");

        Files.writeString(file, "- student_id: s9\n  app_url: http://a.example\n");
        assertThat(Roster.read(file, Map.of()).entries()).extracting(RosterEntry::studentId).containsExactly("s9");
    }

    @Test
    void aPasswordInTheDbPasswordEnvColumnIsRefusedWithoutEchoingIt() {
        Roster r = csv("s1,,,,,,http://a.example:5001,,,jdbc:mysql://db:3306/shop,,hunter2Pl4nted,\n"
                + "s2,,,,,,http://a.example:5002,,,jdbc:mysql://db:3306/shop,,Pl4nted#pw,\n"
                + "s3,,,,,,http://a.example:5003,,,jdbc:mysql://db:3306/shop,,S3_UNSET,\n", Map.of());

        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(RosterProblem::reason)
                .allSatisfy(reason -> assertThat(reason).doesNotContain("Pl4nted", "hunter2"))
                .anySatisfy(reason -> assertThat(reason).contains("not shown: it may be the password itself"))
                .anySatisfy(reason -> assertThat(reason).contains("db_password_env: the variable S3_UNSET is not set"));
    }

    @Test
    void aPrivateKeyPastedIntoTheSshKeyCellIsRefusedWithoutQuotingIt() {
        // GIVEN a key pasted whole (a quoted multi-line cell), its BEGIN line alone, and a cell that is no path
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAPl4nt3dKey\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        Roster r = Roster.fromCsv("student_id,app_url,ssh_user,ssh_key\n"
                + "s1,http://a.example:5001,ec2-user,\"" + key + "\"\n"
                + "s2,http://a.example:5002,ec2-user,-----BEGIN RSA PRIVATE KEY-----\n"
                + "s3,http://a.example:5003,ec2-user,Pl4nt3dPassphrase\n"
                + "s4,http://a.example:5004,ec2-user,keys/missing.pem\n", "r.csv", Map.of());

        // THEN no row is graded, each says to give the .pem's path, and nothing of the key or passphrase is shown
        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(RosterProblem::reason)
                .allSatisfy(reason -> assertThat(reason).doesNotContain("Pl4nt3d", "b3Bl", "BEGIN"));
        assertThat(r.problems()).extracting(RosterProblem::describe).containsExactly(
                "row 2 (s1): column ssh_key holds a private key itself (not shown); a key never goes in the roster."
                        + " Fix: save the key as a file readable only by you (e.g. keys/s42.pem, chmod 600) and give"
                        + " the path of the .pem in ssh_key.",
                "row 3 (s2): column ssh_key holds a private key itself (not shown); a key never goes in the roster."
                        + " Fix: save the key as a file readable only by you (e.g. keys/s42.pem, chmod 600) and give"
                        + " the path of the .pem in ssh_key.",
                "row 4 (s3): ssh_key (not shown: it is not a file name) is not a file; give the path of the instance"
                        + " key pair's private key (the .pem).",
                "row 5 (s4): ssh_key keys/missing.pem is not a file; give the path of the instance key pair's"
                        + " private key (the .pem).");
    }

    @Test
    void anImpossiblePortInAUrlOrRedisColumnIsThatRowsProblem() {
        Roster r = Roster.fromCsv("student_id,app_url,baseline_url,redis\n"
                + "s1,http://a.example:0,,\n"
                + "s2,http://a.example:5001,http://a.example:65536,\n"
                + "s3,http://a.example:5001,,cache.example:99999\n", "r.csv", Map.of());

        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(RosterProblem::describe).containsExactly(
                "row 2 (s1): app_url 'http://a.example:0' names port 0, which is no TCP port. Fix: give the port it"
                        + " listens on, from 1 to 65535, e.g. http://a.example:5001.",
                "row 3 (s2): baseline_url 'http://a.example:65536' names port 65536, which is no TCP port. Fix: give"
                        + " the port it listens on, from 1 to 65535, e.g. http://a.example:5000.",
                "row 4 (s3): redis 'cache.example:99999' names port 99999, which is no TCP port. Fix: give the port it"
                        + " listens on, from 1 to 65535, e.g. cache.example:6379.");
    }

    @Test
    void aYamlRosterWithAKeyTwiceInOneStudentIsRefusedNamingItAndBothLines() {
        assertThatThrownBy(() -> Roster.fromYaml("- student_id: s1\n  app_url: http://a.example\n"
                + "  app_url: http://b.example\n", "roster.yaml", Map.of()))
                .isInstanceOf(Roster.RosterException.class)
                .hasMessage("roster.yaml, line 3: key 'app_url' appears twice in entry 1 (first on line 2); YAML would keep"
                        + " only the last, silently. Fix: keep one of them.");
    }

    private static Roster file(Path dir, String name, byte[] bytes) throws Exception {
        return Roster.read(Files.write(dir.resolve(name), bytes), Map.of());
    }

    @Test
    void spreadsheetEncodingsAreDecodedUtf8BomUtf16AndWindows1252(@TempDir Path dir) throws Exception {
        String csv = "student_id,name,app_url\ns1,Zoë Müller,http://a.example:5001\n";
        byte[] bom8 = ("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] utf16 = ("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] cp1252 = csv.getBytes(java.nio.charset.Charset.forName("windows-1252"));

        for (byte[] bytes : List.of(bom8, utf16, cp1252)) {
            Roster r = file(dir, "r.csv", bytes);
            assertThat(r.problems()).isEmpty();
            assertThat(r.entries()).extracting(RosterEntry::name).containsExactly("Zoë Müller");
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedWithTheFix(@TempDir Path dir) {
        byte[] bytes = "student_id\ns1\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> file(dir, "r.csv", bytes))
                .isInstanceOf(Roster.RosterException.class)
                .hasMessageContaining("looks like UTF-16 without a byte-order mark. Fix: save it again as \"CSV UTF-8\"");
    }

    @Test
    void aSemicolonSeparatedSpreadsheetExportIsRead() {
        Roster r = Roster.fromCsv("student_id;name;app_url\ns1;Ann;http://a.example:5001\n", "r.csv", Map.of());

        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s1");
    }

    @Test
    void trailingEmptyColumnsAndRowsOfASpreadsheetAreTolerated() {
        Roster r = Roster.fromCsv("student_id,name,app_url,,\ns1,Ann,http://a.example:5001,,\n,,,,\n,,,,\n",
                "r.csv", Map.of());

        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s1");
    }

    @Test
    void anUnclosedQuoteIsOneRowNumberedProblemAndTheStudentsAfterItAreKept() {
        Roster r = Roster.fromCsv("student_id,name,app_url\ns1,\"Ann,http://a.example:5001\n"
                + "s2,Bob,http://b.example:5001\ns3,Cy,http://c.example:5001\n", "r.csv", Map.of());

        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s2", "s3");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.reason()).contains("line 2", "is never closed; add the closing quote");
        });
    }

    @Test
    void aYamlStudentIdWithALeadingZeroStaysTheTextAsWritten() {
        Roster r = Roster.fromYaml("- student_id: 0123\n  app_url: http://a.example:5001\n"
                + "- student_id: 42\n  app_url: http://b.example:5001\n", "r.yaml", Map.of());

        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("0123", "42");
    }

    @Test
    void idsDifferingOnlyInCaseAreDuplicatesGradedOnNeitherRow() {
        Roster r = csv("S001,,,,,,http://a.example:5001,,,,,,\ns001,,,,,,http://b.example:5001,,,,,,\n", Map.of());

        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(RosterProblem::studentId).containsExactly("S001", "s001");
        assertThat(r.problems().get(0).reason()).contains("appears on rows 2, 3", "differ only in case");
    }

    @Test
    void aStudentIdNamingACohortFileIsRefused() {
        Roster r = csv("marks.csv,,,,,,http://a.example:5001,,,,,,\nSummary.html,,,,,,http://b.example:5001,,,,,,\n",
                Map.of());

        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(RosterProblem::reason).allSatisfy(reason ->
                assertThat(reason).contains("is the name of a file labcheck writes for the whole cohort"));
    }

    @Test
    void aRegionTheSdkDoesNotKnowIsRefusedWhenTheRosterIsRead() {
        Roster r = csv("s1,,us-east-9,judge,,,,,,,,,\ns2,,eu-west-1,judge,,,,,,,,,\n", Map.of());

        assertThat(r.entries()).extracting(RosterEntry::studentId).containsExactly("s2");
        assertThat(r.problems()).singleElement().extracting(RosterProblem::reason).asString()
                .startsWith("region 'us-east-9' is not an AWS region; did you mean us-east-1 or us-east-2");
    }

    @Test
    void anUpperCaseSchemeIsNormalisedWhenTheRosterIsRead() {
        Roster r = csv("s1,,,,,,HTTP://a.example:5001,Http://a.example:5000,,,,,\n", Map.of());

        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.appUrl()).isEqualTo("http://a.example:5001");
            assertThat(e.baselineUrl()).isEqualTo("http://a.example:5000");
        });
    }

    @Test
    void theNoWritesColumnTakesASpreadsheetsYes() {
        Roster r = Roster.fromCsv("student_id,app_url,no_writes\ns1,http://a.example:5001,yes\n"
                + "s2,http://b.example:5001,\ns3,http://c.example:5001,maybe\n", "r.csv", Map.of());

        assertThat(r.entries()).extracting(RosterEntry::studentId, RosterEntry::noWrites)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", true),
                        org.assertj.core.groups.Tuple.tuple("s2", false));
        assertThat(r.problems()).singleElement().extracting(RosterProblem::reason).asString()
                .startsWith("no_writes 'maybe' is not yes or no");
    }
}
