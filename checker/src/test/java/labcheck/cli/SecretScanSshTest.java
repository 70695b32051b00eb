package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labcheck.reach.SshdFixture;
import labcheck.run.LiveGrading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The SSH channels of {@link SecretScan}: a private key and its passphrase planted in every place a
 * person may put them (the flags, labcheck.yaml, the roster, the batch's variables) for check, batch
 * and merge, through Debian's real sshd; neither reaches standard output, standard error, the JVM's
 * own streams (the SSH library's log) or any file written.
 */
class SecretScanSshTest extends SshdFixture {

    private static final String PASSPHRASE_VARIABLE = "LAB_KEY_PASS";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream jvmStreams = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;
    private SecretScan scan;
    private Path key;
    private Map<String, String> env;

    @BeforeEach
    void plant() throws Exception {
        stdout = System.out;
        stderr = System.err;
        PrintStream both = new PrintStream(jvmStreams, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        scan = SecretScan.start(dir);
        key = scan.encryptedKey(keys.resolve("authorized_keys"));
        env = new HashMap<>(scan.env());
        env.put(PASSPHRASE_VARIABLE, SecretScan.PASSPHRASE);
        env.put("LABCHECK_SSH_KNOWN_HOSTS", sshd.knownHosts(dir.resolve("known_hosts")).toString());
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        System.setErr(stderr);
        scan.close();
    }

    private int execute(CommandLine cmd, String... args) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int check(Map<String, String> env, List<String> args) {
        CheckCommand command = new CheckCommand();
        command.env = env;
        CommandLine cmd = new CommandLine(command);
        cmd.setDefaultValueProvider(new YamlDefaults(env));
        return execute(cmd, args.toArray(String[]::new));
    }

    private List<String> sshArgs(String keyFile, String passphraseVariable, Path outDir) {
        List<String> a = new ArrayList<>(List.of("--ssh", sshd.target(USER), "--ssh-known-hosts",
                env.get("LABCHECK_SSH_KNOWN_HOSTS"), "--app", scan.appUrl(), "--baseline", scan.appUrl(),
                "--requests", "5", "--budget", "60", "--student", "s1", "--out", outDir.toString()));
        if (keyFile != null) {
            a.addAll(List.of("--ssh-key", keyFile));
        }
        if (passphraseVariable != null) {
            a.addAll(List.of("--ssh-key-passphrase-env", passphraseVariable));
        }
        return a;
    }

    private Map<String, String> withConfig(String yaml) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("LABCHECK_CONFIG", Files.writeString(dir.resolve("labcheck-" + yaml.hashCode() + ".yaml"), yaml)
                .toString());
        return e;
    }

    @Test
    void checkThroughSshWithAnEncryptedKeyAndEveryMisplacedKeyOrPassphraseLeaksNeither() throws Exception {
        // GIVEN the encrypted key, its passphrase in a variable: graded through the instance
        Path graded = dir.resolve("graded");
        int code = check(env, sshArgs(key.toString(), PASSPHRASE_VARIABLE, graded));
        assertThat(code).as(err.toString()).isIn(ExitCodes.ALL_MARKS, ExitCodes.MARKS_LOST);
        assertThat(graded.resolve("evidence.json")).exists();
        assertThat(Files.readString(graded.resolve("evidence.json"))).contains("SSH");

        // AND each misplacement is refused: the passphrase as the variable's name (flag and labcheck.yaml), the
        // passphrase itself in labcheck.yaml, the key's text as --ssh-key and as labcheck.yaml's ssh-key
        Path refused = dir.resolve("refused");
        String keyYaml = "ssh-key: |\n" + scan.keyText().lines().map(l -> "  " + l + "\n")
                .reduce("", String::concat);
        List<Integer> codes = List.of(
                check(env, sshArgs(key.toString(), SecretScan.PASSPHRASE, refused)),
                check(withConfig("ssh-key-passphrase-env: " + SecretScan.PASSPHRASE + "\n"),
                        sshArgs(key.toString(), null, refused)),
                check(withConfig("ssh-key-passphrase: " + SecretScan.PASSPHRASE + "\n"),
                        sshArgs(key.toString(), null, refused)),
                check(env, sshArgs(scan.keyText(), PASSPHRASE_VARIABLE, refused)),
                check(withConfig(keyYaml), sshArgs(null, PASSPHRASE_VARIABLE, refused)));

        // THEN every one is a usage error, saying what to give instead
        assertThat(codes).containsOnly(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--ssh-key-passphrase-env must name an environment variable",
                "would hold a secret", "--ssh-key holds a private key itself (not shown)");
        // AND neither the key nor the passphrase is anywhere
        scan.assertNoneLeaked(out.toString(), err.toString() + jvmStreams.toString(StandardCharsets.UTF_8), graded,
                refused);
    }

    @Test
    void batchAndMergeWithTheKeyInARosterCellAndThePassphraseAsTheVariablesNameLeakNeither() throws Exception {
        // GIVEN a roster: s1 with the encrypted key's path, s2 with the key pasted into its ssh_key cell
        String row = "," + USER + ",127.0.0.1," + sshd.port() + ",";
        Path roster = Files.writeString(dir.resolve("roster.csv"), "student_id,app_url,ssh_user,ssh_host,ssh_port,"
                + "ssh_key\n" + "s1," + scan.appUrl() + row + key + "\n"
                + "s2," + scan.appUrl() + row + "\"" + scan.keyText() + "\"\n");
        Map<String, String> batchEnv = new HashMap<>(env);
        batchEnv.put("LABCHECK_SSH_KEY_PASSPHRASE_ENV", PASSPHRASE_VARIABLE);
        Path results = dir.resolve("results");

        // WHEN the batch grades it
        int code = execute(new CommandLine(new BatchCommand(new LiveGrading(batchEnv, Clock.systemUTC()), batchEnv)),
                roster.toString(), "--out", results.toString(), "--budget", "90s", "--progress", "lines");

        // THEN s1 is graded through the instance and s2 is refused, asking for the .pem's path
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(results.resolve("s1").resolve("scoresheet.json")).exists();
        assertThat(err.toString()).contains("s2", "holds a private key itself (not shown)", "path of the .pem");

        // AND the passphrase given as LABCHECK_SSH_KEY_PASSPHRASE_ENV stops a batch before any student
        Map<String, String> typed = new HashMap<>(env);
        typed.put("LABCHECK_SSH_KEY_PASSPHRASE_ENV", SecretScan.PASSPHRASE);
        Path stopped = dir.resolve("stopped");
        assertThat(execute(new CommandLine(new BatchCommand(new LiveGrading(typed, Clock.systemUTC()), typed)),
                roster.toString(), "--out", stopped.toString(), "--progress", "lines")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(stopped.resolve("s1")).doesNotExist();
        assertThat(err.toString()).contains("LABCHECK_SSH_KEY_PASSPHRASE_ENV must name an environment variable");
        // AND a passphrase column refuses the whole roster without quoting it
        Path withColumn = Files.writeString(dir.resolve("roster2.csv"), "student_id,app_url,ssh_key_passphrase\n"
                + "s3," + scan.appUrl() + "," + SecretScan.PASSPHRASE + "\n");
        assertThat(execute(new CommandLine(new BatchCommand(new LiveGrading(env, Clock.systemUTC()), env)),
                withColumn.toString(), "--out", stopped.toString())).isEqualTo(ExitCodes.INPUT_ERROR);

        // AND the merged results leak nothing either
        Path merged = dir.resolve("merged");
        assertThat(execute(Labcheck.commandLine(), "merge", results.toString(), "--out", merged.toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(merged.resolve("summary.html")).exists();
        scan.assertNoneLeaked(out.toString(), err.toString() + jvmStreams.toString(StandardCharsets.UTF_8), results,
                stopped, merged);
    }
}
