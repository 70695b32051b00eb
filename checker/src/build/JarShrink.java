import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Shrinks the shaded labcheck.jar (issue 10: at most 40 MB) by dropping the classes of the AWS SDK
 * service modules named on the command line that no code path of labcheck can reach. Run by the
 * checker's build right after the shade plugin: {@code java JarShrink.java JAR REPORT service...}.
 *
 * <p>The rule is a class-level dependency closure, computed from the jar itself on every build (so an
 * SDK upgrade cannot make it stale):
 * <ul>
 * <li>Every class outside the named service packages is kept and followed, and so is every class a
 *     non-class resource names (META-INF/services, execution.interceptors, ...).</li>
 * <li>A followed class's edges are every class its constant pool names: class entries, descriptors,
 *     generic signatures and string constants (dotted names, as Class.forName takes them). So every
 *     class the verifier may load while linking a followed class is in the jar.</li>
 * <li>The exception: the classes of one operation (its Request, Response, their builders, its
 *     RequestMarshaller, its paginators) are named by the service's client classes (Ec2Client,
 *     DefaultEc2Client, the waiters) for every operation. An edge from a client class into an
 *     operation nobody else uses makes the target load-only: the verifier loads it when it links the
 *     client (DefaultEc2Client's methods pass every Request where an SdkRequest is expected), so it
 *     stays, as a stub with its name, flags and supertypes (followed), but its own edges are not
 *     followed: only the client's method for that operation (or its waiter) would create an
 *     instance, and nothing calls it. An operation is used when a followed class outside the client
 *     classes calls its client method or names one of its classes; then all its classes are followed
 *     and kept whole. Should a stub ever be used, the use fails loudly (NoSuchMethodError), as a
 *     missing class would.</li>
 * <li>The SnapStart priming providers (META-INF/services/...SdkWarmUpProvider) are dropped with their
 *     service file: only an explicit SdkWarmUp.warmUp() call, which labcheck never makes, loads them.</li>
 * </ul>
 * The report lists the used operations and the counts per service.
 */
public final class JarShrink {

    private static final String SERVICES = "software/amazon/awssdk/services/";
    private static final String WARM_UP = "META-INF/services/software.amazon.awssdk.core.warmup.SdkWarmUpProvider";
    /** JARSHRINK_DEBUG=1 prints which class made each operation used. */
    private static final boolean DEBUG = System.getenv("JARSHRINK_DEBUG") != null;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:[/.][A-Za-z_$][\\w$]*)+");

    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, String> serviceOf = new HashMap<>();
    private final Map<String, Set<String>> opsOf = new HashMap<>();
    private final Map<String, Map<String, String>> opsByLowerCase = new HashMap<>();
    private final List<String> resources = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("--verify")) {
            System.exit(new JarShrink().verify(Path.of(args[1]), List.of(args).subList(2, args.length)));
        }
        if (args.length < 3) {
            System.err.println("usage: java JarShrink.java JAR REPORT SERVICE... (e.g. ec2 rds cloudwatch)\n"
                    + "       java -cp JAR JarShrink.java --verify JAR SERVICE...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> services = List.of(args).subList(2, args.length);
        long started = System.nanoTime();
        JarShrink shrink = new JarShrink();
        List<String> order = shrink.load(jar, services);
        Map<String, Boolean> kept = shrink.closure();
        String report = shrink.report(services, kept);
        Files.copy(jar, jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-unshrunk.jar")),
                StandardCopyOption.REPLACE_EXISTING);
        shrink.write(jar, order, kept);
        Files.writeString(Path.of(args[1]), report);
        System.out.printf("JarShrink: %s is %,d bytes (%d ms); %s%n", jar.getFileName(), Files.size(jar),
                (System.nanoTime() - started) / 1_000_000, report.lines().filter(l -> l.startsWith("total"))
                        .findFirst().orElse(""));
    }

    /**
     * Checks a shrunk jar that is on this JVM's class path: the rule drops nothing more from it, every
     * followed class of the services links and initializes (so every class its verification loads is
     * there), and every load-only class loads (its supertypes are there). Exit code 0 when all hold.
     */
    private int verify(Path jar, List<String> services) throws IOException {
        load(jar, services);
        Map<String, Boolean> kept = closure();
        List<String> problems = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int followed = 0;
        int loadOnly = 0;
        for (String name : new TreeSet<>(serviceOf.keySet())) {
            Boolean follow = kept.get(name);
            if (follow == null) {
                extra.add(name + ": the rule would drop it, yet the jar has it (not shrunk by this rule)");
                continue;
            }
            try {
                Class.forName(name.replace('/', '.'), follow, JarShrink.class.getClassLoader());
                if (follow) {
                    followed++;
                } else {
                    loadOnly++;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(name + (follow ? " (followed, initialized)" : " (load-only, loaded)") + ": " + e);
            }
        }
        problems.addAll(extra);
        System.out.printf("JarShrink --verify: %d followed classes initialized, %d load-only classes loaded,"
                + " %d problems%n", followed, loadOnly, problems.size());
        problems.stream().limit(30).forEach(p -> System.out.println("  " + p));
        return problems.isEmpty() && followed > 0 ? 0 : 1;
    }

    /** Reads the jar's classes and resources; returns the entry names in order. */
    private List<String> load(Path jar, List<String> services) throws IOException {
        List<String> order = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                order.add(e.getName());
                if (e.isDirectory() || e.getName().equals(WARM_UP)) {
                    continue;
                }
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    String name = e.getName().substring(0, e.getName().length() - ".class".length());
                    classes.put(name, ClassInfo.parse(read(zip, e)));
                } else if (e.getSize() < 4_000_000) {
                    resources.add(new String(read(zip, e), StandardCharsets.ISO_8859_1));
                }
            }
        }
        for (String name : classes.keySet()) {
            for (String s : services) {
                if (name.startsWith(SERVICES + s + "/")) {
                    serviceOf.put(name, s);
                }
            }
        }
        for (String s : services) {
            opsOf.put(s, operations(s));
            Map<String, String> lower = new HashMap<>();
            opsOf.get(s).forEach(op -> lower.put(op.toLowerCase(Locale.ROOT), op));
            opsByLowerCase.put(s, lower);
        }
        return order;
    }

    /** The operations of a service: every model/XRequest that extends the service's request base. */
    private Set<String> operations(String service) {
        Set<String> ops = new TreeSet<>();
        String model = SERVICES + service + "/model/";
        for (Map.Entry<String, ClassInfo> c : classes.entrySet()) {
            String n = c.getKey();
            if (n.startsWith(model) && n.endsWith("Request") && n.indexOf('$') < 0
                    && extendsAws(c.getValue(), "software/amazon/awssdk/awscore/AwsRequest")) {
                ops.add(n.substring(model.length(), n.length() - "Request".length()));
            }
        }
        return ops;
    }

    private boolean extendsAws(ClassInfo c, String base) {
        ClassInfo parent = classes.get(c.superName);
        return parent != null && base.equals(parent.superName);
    }

    /** The operation a class belongs to (its Request, Response, Marshaller, paginators), or null. */
    private String operationOf(String name) {
        String service = serviceOf.get(name);
        if (service == null) {
            return null;
        }
        String rest = name.substring(SERVICES.length() + service.length() + 1);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String pkg = rest.substring(0, slash);
        String outer = rest.substring(slash + 1).split("\\$", 2)[0];
        for (String[] kind : new String[][] {{"model", "Request"}, {"model", "Response"},
                {"transform", "RequestMarshaller"}, {"paginators", "Iterable"}, {"paginators", "Publisher"}}) {
            if (pkg.equals(kind[0]) && outer.endsWith(kind[1])) {
                // paginators keep the model's spelling (rds: DescribeDBInstancesIterable, DescribeDbInstancesRequest)
                String op = opsByLowerCase.get(service).get(
                        outer.substring(0, outer.length() - kind[1].length()).toLowerCase(Locale.ROOT));
                if (op != null) {
                    if (kind[1].equals("Response") && !extendsAws(classes.get(SERVICES + service + "/model/" + outer),
                            "software/amazon/awssdk/awscore/AwsResponse")) {
                        return null;
                    }
                    return service + ":" + op;
                }
            }
        }
        return null;
    }

    /** The client classes: those directly in the service's package (Ec2Client, DefaultEc2Client, ...). */
    private boolean isClient(String name) {
        String service = serviceOf.get(name);
        if (service == null) {
            return false;
        }
        String rest = name.substring(SERVICES.length() + service.length() + 1);
        return rest.indexOf('/') < 0 || rest.startsWith("waiters/") && rest.indexOf('/', "waiters/".length()) < 0;
    }

    /** Class name to true (followed, kept whole) or false (load-only: a stub, its edges not followed). */
    private Map<String, Boolean> closure() {
        Set<String> usedOps = new HashSet<>();
        while (true) {
            Map<String, Boolean> kept = new HashMap<>();
            Deque<String> follow = new ArrayDeque<>();
            for (String name : classes.keySet()) {
                if (!serviceOf.containsKey(name)) {
                    follow.add(name);
                }
            }
            for (String text : resources) {
                follow.addAll(namedIn(List.of(text)));
            }
            Deque<String> loadOnly = new ArrayDeque<>();
            Set<String> newOps = new HashSet<>();
            while (!follow.isEmpty() || !loadOnly.isEmpty()) {
                if (!follow.isEmpty()) {
                    String name = follow.poll();
                    if (Boolean.TRUE.equals(kept.put(name, true))) {
                        continue;
                    }
                    ClassInfo c = classes.get(name);
                    boolean client = isClient(name);
                    String own = operationOf(name);
                    if (own != null && !usedOps.contains(own)) {
                        newOps.add(own); // e.g. named by a resource: the whole operation is then followed
                    }
                    for (String[] call : c.calls) {
                        if (!client && isClient(call[0])) {
                            String op = serviceOf.get(call[0]) + ":"
                                    + capitalize(call[1].replaceFirst("Paginator$", ""));
                            if (opsOf.get(serviceOf.get(call[0])).contains(op.substring(op.indexOf(':') + 1))) {
                                if (DEBUG && !usedOps.contains(op) && newOps.add(op)) {
                                    System.err.println(op + " called by " + name);
                                }
                                newOps.add(op);
                            }
                        }
                    }
                    for (String target : namedIn(c.strings)) {
                        String op = operationOf(target);
                        if (op == null || usedOps.contains(op) || op.equals(own)) {
                            follow.add(target);
                        } else if (client) {
                            loadOnly.add(target);
                        } else {
                            if (DEBUG && !usedOps.contains(op) && newOps.add(op)) {
                                System.err.println(op + " named by " + name);
                            }
                            newOps.add(op);
                            follow.add(target);
                        }
                    }
                } else {
                    String name = loadOnly.poll();
                    if (kept.containsKey(name)) {
                        continue;
                    }
                    kept.put(name, false);
                    ClassInfo c = classes.get(name);
                    for (String sup : c.supertypes()) {
                        if (classes.containsKey(sup)) {
                            (operationOf(name).equals(operationOf(sup)) ? loadOnly : follow).add(sup);
                        }
                    }
                }
            }
            newOps.removeAll(usedOps);
            if (newOps.isEmpty()) {
                usedOps.forEach(op -> kept.put("op " + op, true));
                return kept;
            }
            usedOps.addAll(newOps);
        }
    }

    private Set<String> namedIn(List<String> strings) {
        Set<String> named = new HashSet<>();
        for (String s : strings) {
            Matcher m = NAME.matcher(s);
            while (m.find()) {
                String token = m.group().replace('.', '/');
                for (String candidate : new String[] {token, token.length() > 1 && token.charAt(0) == 'L'
                        ? token.substring(1) : token}) {
                    // a name may be followed by a member (Foo.bar) or be a package prefix: try each prefix
                    for (int i = candidate.length(); i > 0; i = candidate.lastIndexOf('/', i - 1)) {
                        String prefix = candidate.substring(0, i);
                        if (classes.containsKey(prefix)) {
                            named.add(prefix);
                        }
                    }
                }
            }
        }
        return named;
    }

    private String report(List<String> services, Map<String, Boolean> kept) {
        StringBuilder out = new StringBuilder("# JarShrink: the AWS SDK service classes kept in labcheck.jar\n");
        out.append("# followed = kept whole with every class it names; load-only = a stub for the verifier\n");
        Map<String, int[]> counts = new TreeMap<>();
        for (String name : classes.keySet()) {
            String s = serviceOf.get(name);
            if (s != null) {
                int[] c = counts.computeIfAbsent(s, k -> new int[3]);
                Boolean k = kept.get(name);
                c[k == null ? 2 : k ? 0 : 1]++;
            }
        }
        int dropped = 0;
        for (String s : services) {
            int[] c = counts.getOrDefault(s, new int[3]);
            dropped += c[2];
            out.append(String.format("%s: %d followed, %d load-only, %d dropped of %d classes%n", s, c[0], c[1], c[2],
                    c[0] + c[1] + c[2]));
            out.append("  used operations:");
            kept.keySet().stream().filter(k -> k.startsWith("op " + s + ":")).sorted()
                    .forEach(k -> out.append(' ').append(k.substring(k.indexOf(':') + 1)));
            out.append('\n');
        }
        out.append("total: ").append(dropped).append(" classes dropped\n");
        return out.toString();
    }

    private void write(Path jar, List<String> order, Map<String, Boolean> kept) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".shrinking");
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : order) {
                if (name.equals(WARM_UP)) {
                    continue;
                }
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    String cls = name.substring(0, name.length() - ".class".length());
                    if (serviceOf.containsKey(cls) && !kept.containsKey(cls)) {
                        continue;
                    }
                }
                ZipEntry in = zip.getEntry(name);
                ZipEntry e = new ZipEntry(name);
                e.setTime(in.getTime());
                out.putNextEntry(e);
                String cls = name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : "";
                if (Boolean.FALSE.equals(kept.get(cls)) && serviceOf.containsKey(cls)) {
                    out.write(classes.get(cls).stub());
                } else {
                    try (InputStream data = zip.getInputStream(in)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] read(ZipFile zip, ZipEntry e) {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException x) {
            throw new UncheckedIOException(e.getName(), x);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** What the class file's constant pool says: its supertypes, every string in it, its method calls. */
    private static final class ClassInfo {
        int minor;
        int major;
        int access;
        String name;
        String superName;
        final List<String> interfaces = new ArrayList<>();
        final List<String> strings = new ArrayList<>();
        final List<String[]> calls = new ArrayList<>();

        /**
         * The class with its name, flags and supertypes only: all a load-only class is used for (the
         * verifier's assignability checks). Were it ever linked, its first use would fail loudly, as
         * a missing class would.
         */
        byte[] stub() {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                List<String> names = new ArrayList<>(List.of(name));
                names.add(superName);
                names.addAll(interfaces);
                out.writeInt(0xCAFEBABE);
                out.writeShort(minor);
                out.writeShort(major);
                out.writeShort(1 + 2 * names.size());
                for (int k = 0; k < names.size(); k++) {
                    out.writeByte(1);
                    out.writeUTF(names.get(k));
                    out.writeByte(7);
                    out.writeShort(2 * k + 1);
                }
                out.writeShort(access);
                out.writeShort(2);
                out.writeShort(4);
                out.writeShort(interfaces.size());
                for (int k = 0; k < interfaces.size(); k++) {
                    out.writeShort(2 * (k + 2) + 2);
                }
                out.writeShort(0);
                out.writeShort(0);
                out.writeShort(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        List<String> supertypes() {
            List<String> all = new ArrayList<>(interfaces);
            if (superName != null) {
                all.add(superName);
            }
            return all;
        }

        static ClassInfo parse(byte[] bytes) {
            try {
                DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
                ClassInfo c = new ClassInfo();
                in.readInt();
                c.minor = in.readUnsignedShort();
                c.major = in.readUnsignedShort();
                int count = in.readUnsignedShort();
                String[] utf = new String[count];
                int[] classRef = new int[count];
                int[][] refs = new int[count][];
                int[] nameAndTypeName = new int[count];
                for (int i = 1; i < count; i++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case 1 -> utf[i] = in.readUTF();
                        case 3, 4 -> in.readInt();
                        case 5, 6 -> {
                            in.readLong();
                            i++;
                        }
                        case 7 -> classRef[i] = in.readUnsignedShort();
                        case 8, 16, 19, 20 -> in.readUnsignedShort();
                        case 9 -> in.readInt();
                        case 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                        case 12 -> {
                            nameAndTypeName[i] = in.readUnsignedShort();
                            in.readUnsignedShort();
                        }
                        case 15 -> {
                            in.readUnsignedByte();
                            in.readUnsignedShort();
                        }
                        case 17, 18 -> in.readInt();
                        default -> throw new IOException("unknown constant pool tag " + tag);
                    }
                }
                for (String s : utf) {
                    if (s != null) {
                        c.strings.add(s);
                    }
                }
                for (int[] r : refs) {
                    if (r != null) {
                        c.calls.add(new String[] {utf[classRef[r[0]]], utf[nameAndTypeName[r[1]]]});
                    }
                }
                c.access = in.readUnsignedShort();
                c.name = utf[classRef[in.readUnsignedShort()]];
                int sup = in.readUnsignedShort();
                c.superName = sup == 0 ? null : utf[classRef[sup]];
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    c.interfaces.add(utf[classRef[in.readUnsignedShort()]]);
                }
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
