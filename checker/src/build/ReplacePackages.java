import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a jar that is {@code FULL} with the entries under the given packages taken from {@code PART}
 * instead: the last step of the checker's build, where PART is ProGuard's output (the AWS SDK service
 * packages, shrunk) and FULL the shade's whole jar. Every other entry, and every directory entry, is copied
 * as it is, in its order.
 *
 * <pre>{@code
 * java ReplacePackages.java target/labcheck-unshrunk.jar target/aws-sdk-shrunk.jar target/labcheck.jar \
 *     software/amazon/awssdk/services/ec2/ software/amazon/awssdk/services/rds/
 * }</pre>
 *
 * Fails (exit 1) when PART holds an entry outside the packages, or one FULL does not have: the shrinker
 * may only remove.
 */
public final class ReplacePackages {

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: java ReplacePackages.java FULL.jar PART.jar OUT.jar PACKAGE/...");
            System.exit(2);
        }
        List<String> packages = List.of(args).subList(3, args.length);
        Path out = Path.of(args[2]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int copied = 0;
        int replaced = 0;
        try (ZipFile full = new ZipFile(args[0]); ZipFile part = new ZipFile(args[1]);
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e : Collections.list(full.entries())) {
                if (e.isDirectory() || !under(e.getName(), packages)) {
                    copy(full, e, zip);
                    copied++;
                }
            }
            for (ZipEntry e : Collections.list(part.entries())) {
                if (e.isDirectory()) {
                    continue; // FULL's directory entries stay
                }
                if (!under(e.getName(), packages) || full.getEntry(e.getName()) == null) {
                    System.err.println("ReplacePackages: " + args[1] + " has " + e.getName()
                            + ", which is not a replaceable entry of " + args[0] + " (outside " + packages
                            + " or not in it); the shrinker may only remove entries.");
                    System.exit(1);
                }
                copy(part, e, zip);
                replaced++;
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("ReplacePackages: %s is %,d bytes: %,d entries of %s as they were, %,d under %s from %s%n",
                out.getFileName(), Files.size(out), copied, args[0], replaced, packages, args[1]);
    }

    private static boolean under(String name, List<String> packages) {
        return packages.stream().anyMatch(name::startsWith);
    }

    private static void copy(ZipFile from, ZipEntry e, ZipOutputStream to) throws IOException {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        to.putNextEntry(copy);
        try (InputStream in = from.getInputStream(e)) {
            in.transferTo(to);
        }
        to.closeEntry();
    }
}
