package labcheck.demo;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The reference app's embedded lab, loaded at run time so that labcheck.jar does not carry
 * MariaDB and Redis binaries. {@link #locate} finds the lab's classes, {@link #start} runs the lab
 * in-process through reflection, {@link #close()} stops it and releases the jar.
 *
 * <p>Lookup order: {@code --lab-jar FILE} (or env {@value #ENV}); {@code reference-app.jar} beside
 * labcheck.jar; {@code ../../reference-app/target/reference-app.jar} from labcheck.jar (the source
 * tree); {@code labapp.EmbeddedLab} on labcheck's own classpath (tests, IDE).
 *
 * <pre>{@code
 * try (DemoLab lab = DemoLab.start(DemoLab.locate(null, System.getenv()))) {
 *     lab.cacheUrl();   // "http://127.0.0.1:PORT"
 * }
 * }</pre>
 */
public final class DemoLab implements AutoCloseable {

    /** Env var naming the reference app's jar, as {@code --lab-jar} does. */
    public static final String ENV = "LABCHECK_REFERENCE_APP";
    static final String LAB_CLASS = "labapp.EmbeddedLab";
    static final String LAB_ENTRY = "labapp/EmbeddedLab.class";
    static final String JAR_NAME = "reference-app.jar";
    private static final String FIX = "build it with 'mvn -B -DskipTests package' at the repo root (it makes "
            + "reference-app/target/reference-app.jar; './labcheck demo' builds it for you), or pass --lab-jar FILE.";

    /**
     * Where the lab's classes come from.
     *
     * @param jar the reference app's jar, or null for labcheck's own classpath
     * @param how which lookup step found it, for the progress line
     */
    public record Source(Path jar, String how) {
        @Override
        public String toString() {
            return jar == null ? how : jar + " (" + how + ")";
        }
    }

    private final Object lab;
    private final URLClassLoader loader;
    private boolean closed;

    private DemoLab(Object lab, URLClassLoader loader) {
        this.lab = lab;
        this.loader = loader;
    }

    /** Finds the lab for labcheck as installed: {@code option} may be null, {@code env} is the environment. */
    public static Source locate(Path option, Map<String, String> env) {
        return locate(option, env.get(ENV), home(), DemoLab.class.getClassLoader());
    }

    /**
     * Finds the lab; a bad or missing jar is an {@link IllegalArgumentException} (exit 2) naming the paths and the fix.
     *
     * @param option   {@code --lab-jar}, or null
     * @param envValue {@value #ENV}, or null
     * @param home     the directory holding labcheck.jar (or labcheck's classes directory)
     * @param own      labcheck's class loader, asked last for {@code labapp.EmbeddedLab}
     */
    static Source locate(Path option, String envValue, Path home, ClassLoader own) {
        if (option != null) {
            return checked(option, "--lab-jar");
        }
        if (envValue != null && !envValue.isBlank()) {
            return checked(Path.of(envValue.strip()), ENV);
        }
        Path beside = home.resolve(JAR_NAME).toAbsolutePath().normalize();
        if (Files.exists(beside)) {
            return checked(beside, "beside labcheck.jar");
        }
        Path tree = home.resolve("../../reference-app/target").resolve(JAR_NAME).toAbsolutePath().normalize();
        if (Files.exists(tree)) {
            return checked(tree, "the source tree's build");
        }
        try {
            Class.forName(LAB_CLASS, false, own);
            return new Source(null, "labcheck's classpath");
        } catch (ClassNotFoundException absent) {
            throw new IllegalArgumentException("demo: the reference app's embedded lab was not found (tried --lab-jar and "
                    + ENV + ": not set; " + beside + ": missing; " + tree + ": missing; " + LAB_CLASS
                    + " on labcheck's classpath: absent); " + FIX);
        }
    }

    private static Source checked(Path jar, String how) {
        Path file = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("demo: the reference app jar " + file + " (from " + how
                    + ") does not exist; " + FIX);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(LAB_ENTRY) == null) {
                throw new IllegalArgumentException("demo: " + file + " (from " + how + ") is not the reference app's jar: it has no "
                        + LAB_CLASS + "; " + FIX);
            }
        } catch (IOException notAJar) {
            throw new IllegalArgumentException("demo: " + file + " (from " + how + ") is not a readable jar ("
                    + notAJar.getMessage() + "); " + FIX);
        }
        return new Source(file, how);
    }

    /** The directory holding labcheck.jar, or labcheck's classes directory's parent when run from classes. */
    static Path home() {
        try {
            Path self = Path.of(DemoLab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = self.toAbsolutePath().getParent();
            return parent == null ? self : parent;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** Starts the embedded lab from {@code source}, in-process; the caller closes it. */
    public static DemoLab start(Source source) {
        URLClassLoader loader = null;
        ClassLoader own = DemoLab.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try {
            if (source.jar() != null) {
                // parent first: Jedis, Jackson, slf4j come from labcheck (same versions, from the parent pom)
                loader = new URLClassLoader("reference-app", new URL[] {source.jar().toUri().toURL()}, own);
            }
            ClassLoader classes = loader == null ? own : loader;
            // servers and their threads find their resources (mariadbd, redis-server) through this loader
            thread.setContextClassLoader(classes);
            Object lab = Class.forName(LAB_CLASS, true, classes).getMethod("start").invoke(null);
            return new DemoLab(lab, loader);
        } catch (MalformedURLException | ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw failure("start", e);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    public String cacheUrl() {
        return (String) call("cacheUrl");
    }

    public String baselineUrl() {
        return (String) call("baselineUrl");
    }

    public String redisHost() {
        return (String) call("redisHost");
    }

    public int redisPort() {
        return (Integer) call("redisPort");
    }

    /** The Redis AUTH password, or null when Redis has none. */
    public String redisPassword() {
        return (String) call("redisPassword");
    }

    public String jdbcUrl() {
        return (String) call("jdbcUrl");
    }

    /** The read-only database account for a grader. */
    public String dbUser() {
        return (String) call("dbUser");
    }

    public String dbPassword() {
        return (String) call("dbPassword");
    }

    /**
     * Extension 2: caches the {@code n} most viewed products, as the reference app's {@code --warm}
     * does; returns how many, or -1 when this reference-app.jar predates {@code EmbeddedLab.warm}.
     */
    public int warm(int n) {
        Method m;
        try {
            m = lab.getClass().getMethod("warm", int.class);
        } catch (NoSuchMethodException e) {
            return -1;
        }
        try {
            return ((java.util.List<?>) m.invoke(lab, n)).size();
        } catch (ReflectiveOperationException e) {
            throw failure("warm", e);
        }
    }

    /** Stops the lab, then releases the reference app's jar; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            call("close");
        } finally {
            closeQuietly(loader);
        }
    }

    private Object call(String method) {
        try {
            Method m = lab.getClass().getMethod(method);
            return m.invoke(lab);
        } catch (ReflectiveOperationException e) {
            throw failure(method, e);
        }
    }

    private static RuntimeException failure(String step, Throwable e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("the embedded lab's " + step + " failed: " + cause, cause);
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException ignored) {
            // the jar stays open until the JVM exits; nothing is lost
        }
    }
}
