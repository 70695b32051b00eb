import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads, links and initializes every class of the given packages in a jar that is on this JVM's class
 * path, so the JVM's own verifier loads every class their code names: proof that the shrinker left no
 * dangling reference in the classes it kept (a missing class fails here as NoClassDefFoundError, not in
 * a student's run). Exit code 0 when every class links, 1 otherwise.
 *
 * <pre>{@code
 * java -cp target/labcheck.jar src/build/LinkCheck.java target/labcheck.jar \
 *     software/amazon/awssdk/services/ec2/ software/amazon/awssdk/services/rds/
 * }</pre>
 */
public final class LinkCheck {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java -cp JAR LinkCheck.java JAR PACKAGE/...");
            System.exit(2);
        }
        List<String> packages = List.of(args).subList(1, args.length);
        List<String> problems = new ArrayList<>();
        int linked = 0;
        try (ZipFile jar = new ZipFile(args[0])) {
            for (ZipEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (!name.endsWith(".class") || packages.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                String type = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(type, true, LinkCheck.class.getClassLoader());
                    linked++;
                } catch (ClassNotFoundException | LinkageError x) {
                    problems.add(type + ": " + x);
                }
            }
        }
        System.out.printf("LinkCheck: %d classes under %s linked and initialized, %d problems%n", linked, packages,
                problems.size());
        problems.stream().limit(30).forEach(p -> System.out.println("  " + p));
        System.exit(problems.isEmpty() && linked > 0 ? 0 : 1);
    }
}
