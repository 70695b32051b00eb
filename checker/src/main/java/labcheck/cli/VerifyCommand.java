package labcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import labcheck.seal.Ed25519;
import labcheck.seal.Manifest;
import labcheck.seal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labcheck verify DIR}: checks a sealed result folder (a student's, or a whole cohort's with
 * every student in it) against its {@code MANIFEST.sha256}, and with {@code --public-key} each
 * manifest's Ed25519 signature. Exit 0 when untouched; 2 naming every file changed, missing or added.
 *
 * <pre>{@code
 * labcheck verify results --public-key judges.pub.pem
 * labcheck verify results/s042
 * }</pre>
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that a sealed result folder (a student's, or a cohort's) is as labcheck wrote it.",
            "Every file's SHA-256 against MANIFEST.sha256, each student's manifest through the cohort's,"
                    + " and with --public-key every manifest's Ed25519 signature."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:untouched: every file matches its manifest (and signature)",
            "1:internal error",
            "2:a file was changed, removed or added, a signature does not match, or bad input"})
public final class VerifyCommand extends GuardedCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder written by `labcheck batch`,"
            + " or one student's folder in it.")
    Path dir;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "The judges' Ed25519 public key (PEM), to check the signatures made with batch --sign.")
    Path publicKey;

    @Override
    protected String prefix() {
        return "labcheck verify: ";
    }

    @Override
    protected int run() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory. Fix: give the results folder (or a student's"
                    + " folder in it) that holds " + Manifest.FILE_NAME + ".");
        }
        PublicKey key = publicKey == null ? null : Ed25519.publicKey(publicKey);
        Verification v = Verification.of(dir, key);
        PrintWriter out = out();
        if (!v.intact()) {
            PrintWriter err = err();
            v.problems().forEach(p -> err.println(prefix() + p));
            err.println(prefix() + dir + " is NOT as labcheck wrote it: " + v.problems().size() + " problem(s) above"
                    + " (" + v.files() + " file(s) matched in " + v.manifests() + " manifest(s)).");
            return ExitCodes.INPUT_ERROR;
        }
        out.println(dir + " is as labcheck wrote it: " + v.files() + " file(s) match " + v.manifests()
                + " manifest(s)" + (key != null ? ", every signature verified with " + publicKey + "."
                : v.unchecked() > 0 ? "; " + v.unchecked() + " signature(s) present, not checked: give --public-key"
                + " FILE to check them." : ", unsigned."));
        out.flush();
        return ExitCodes.ALL_MARKS;
    }
}
