package labcheck;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package table of {@code docs/architecture.md} ("package | may depend on | because"), read
 * as the one layered rule of labcheck: every package under {@code labcheck} has a row, and a
 * class depends, inside labcheck, only on its own package and the packages its row names. The
 * doc is the rule, so the two cannot drift.
 *
 * <p>A row names one package relative to {@code labcheck} ({@code checks.support}), or
 * {@code checks.*} for every subpackage of {@code checks} without a row of its own (each such
 * package may depend on its row's packages, not on its siblings). The second column is
 * {@code nothing}, {@code anything}, or package names in backticks separated by commas.
 *
 * <pre>{@code
 * PackageTable table = PackageTable.read(PackageTable.DOC);
 * table.rule().check(new ClassFileImporter().importPackages("labcheck"));
 * }</pre>
 */
final class PackageTable {

    /** Surefire runs tests in the module directory; the doc is the repository's. */
    static final Path DOC = Path.of("..", "docs", "architecture.md");
    static final String ROOT = "labcheck";
    private static final String NAME = "docs/architecture.md";
    private static final Pattern HEADER = Pattern.compile(
            "^\\|\\s*package\\s*\\|\\s*may depend on.*\\|\\s*because\\s*\\|\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*(\\.\\*)?");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");

    /**
     * One row of the table.
     *
     * @param name        the package relative to labcheck, or {@code parent.*}
     * @param mayDependOn the rows this one may depend on (their names)
     * @param anything    true for {@code anything}: every placed package
     * @param because     why, as the doc says it
     * @param line        the row's line in the doc
     */
    record Row(String name, Set<String> mayDependOn, boolean anything, String because, int line) {

        boolean isPattern() {
            return name.endsWith(".*");
        }

        String allowed() {
            return anything ? "anything" : mayDependOn.isEmpty() ? "nothing" : String.join(", ", mayDependOn);
        }
    }

    private final Map<String, Row> rows;

    private PackageTable(Map<String, Row> rows) {
        this.rows = rows;
    }

    static PackageTable read(Path doc) {
        try {
            return parse(Files.readString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(NAME + " could not be read at " + doc.toAbsolutePath()
                    + "; the package rules are read from its table", e);
        }
    }

    /** The table in {@code markdown}; refuses a missing table, a malformed row or a name no row places. */
    static PackageTable parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            header = HEADER.matcher(lines.get(i)).matches() ? i : -1;
        }
        if (header < 0) {
            throw new IllegalArgumentException(NAME + " has no package table; expected a header row"
                    + " \"| package | may depend on (inside labcheck) | because |\"");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Row row = row(lines.get(i), i + 1);
            if (rows.putIfAbsent(row.name(), row) != null) {
                throw new IllegalArgumentException(NAME + ", line " + row.line() + ": package `" + row.name()
                        + "` has a row already (line " + rows.get(row.name()).line() + "); give each package one row");
            }
        }
        for (Row row : rows.values()) {
            for (String target : row.mayDependOn()) {
                if (!rows.containsKey(target)) {
                    throw new IllegalArgumentException(NAME + ", line " + row.line() + ": `" + row.name()
                            + "` may depend on `" + target + "`, which has no row; add its row or fix the name");
                }
            }
        }
        return new PackageTable(rows);
    }

    private static Row row(String text, int line) {
        String[] cells = text.split("\\|", -1);
        if (cells.length != 5) {
            throw new IllegalArgumentException(NAME + ", line " + line + ": a row has three cells (package | may"
                    + " depend on | because), found: " + text);
        }
        List<String> names = quoted(cells[1]);
        if (names.size() != 1 || !PACKAGE.matcher(names.get(0)).matches()) {
            throw new IllegalArgumentException(NAME + ", line " + line + ": the first cell names one package in"
                    + " backticks, e.g. `checks.support`, found: " + cells[1].strip());
        }
        String allowed = cells[2].strip();
        boolean anything = allowed.equals("anything");
        Set<String> targets = new LinkedHashSet<>();
        if (!anything && !allowed.equals("nothing")) {
            targets.addAll(quoted(allowed));
            String rest = QUOTED.matcher(allowed).replaceAll("").replace(",", "").strip();
            if (targets.isEmpty() || !rest.isEmpty() || targets.stream().anyMatch(t -> !PACKAGE.matcher(t).matches())) {
                throw new IllegalArgumentException(NAME + ", line " + line + ": the second cell is nothing, anything,"
                        + " or package names in backticks separated by commas, found: " + allowed);
            }
        }
        return new Row(names.get(0), targets, anything, cells[3].strip(), line);
    }

    private static List<String> quoted(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The row that places {@code javaPackage} (e.g. "labcheck.checks.app"): its own, or its parent's {@code .*}. */
    Optional<Row> rowOf(String javaPackage) {
        if (!javaPackage.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String relative = javaPackage.substring(ROOT.length() + 1);
        Row own = rows.get(relative);
        if (own != null) {
            return Optional.of(own);
        }
        int dot = relative.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(rows.get(relative.substring(0, dot) + ".*"));
    }

    Set<String> names() {
        return rows.keySet();
    }

    Row row(String name) {
        return rows.get(name);
    }

    /** Whether a class in {@code from} may depend on a class in {@code to} (both Java package names). */
    boolean allows(String from, String to) {
        if (from.equals(to) || !to.startsWith(ROOT + ".")) {
            return true;
        }
        Optional<Row> origin = rowOf(from);
        Optional<Row> target = rowOf(to);
        return origin.isPresent() && target.isPresent()
                && (origin.get().anything() || origin.get().mayDependOn().contains(target.get().name()));
    }

    /**
     * The layered rule: every class under labcheck sits in a placed package and depends, inside
     * labcheck, only on what its row allows.
     */
    ArchRule rule() {
        return ArchRuleDefinition.classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("sit in a package " + NAME + " places and depend only on the"
                        + " packages its row names") {
                    private final Set<String> reported = new HashSet<>();

                    @Override
                    public void init(Collection<JavaClass> allObjectsToTest) {
                        reported.clear();
                    }

                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        checkClass(item, events, reported);
                    }
                })
                .because("the table in " + NAME + " is the architecture: collect and probe fill the evidence, checks"
                        + " read it, the engine grades, report renders, run and batch drive them, cli wires them");
    }

    private void checkClass(JavaClass item, ConditionEvents events, Set<String> reported) {
        String pkg = item.getPackageName();
        Optional<Row> row = rowOf(pkg);
        if (row.isEmpty()) {
            if (reported.add(pkg)) {
                events.add(SimpleConditionEvent.violated(item, unplaced(pkg, item)));
            }
            return;
        }
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
            String to = d.getTargetClass().getBaseComponentType().getPackageName();
            // a class of an unplaced package is reported once, as unplaced, not at every use
            boolean unplacedTarget = to.startsWith(ROOT + ".") && rowOf(to).isEmpty();
            if (!unplacedTarget && !allows(pkg, to)) {
                events.add(SimpleConditionEvent.violated(d, d.getDescription() + ", but " + NAME + " lets " + pkg
                        + " (row `" + row.get().name() + "`, line " + row.get().line() + ") depend only on "
                        + row.get().allowed() + " (" + row.get().because() + "). Fix: depend on what the row"
                        + " allows, or, if the design changes, change the row first"));
            }
        }
    }

    private static String unplaced(String pkg, JavaClass item) {
        if (pkg.equals(ROOT)) {
            return "Class <" + item.getName() + "> sits in labcheck itself; move it into a package by domain that "
                    + NAME + " places";
        }
        String relative = pkg.substring(ROOT.length() + 1);
        return "Package " + pkg + " (e.g. <" + item.getName() + ">) is not placed in " + NAME + "'s package"
                + " table. Fix: add a row for `" + relative + "` to that table, naming the packages it may depend"
                + " on and why (and give the package a package-info.java saying what it is for)";
    }

    /**
     * The allowances no class uses, as "row -> target" (the table says more than the code does);
     * {@code anything} rows are left out.
     */
    Set<String> unusedAllowances(JavaClasses classes) {
        Set<String> used = new HashSet<>();
        for (JavaClass c : classes) {
            Optional<Row> from = rowOf(c.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getBaseComponentType().getPackageName();
                if (!to.equals(c.getPackageName())) {
                    rowOf(to).ifPresent(target -> used.add(from.get().name() + " -> " + target.name()));
                }
            }
        }
        Set<String> unused = new TreeSet<>();
        for (Row row : rows.values()) {
            row.mayDependOn().stream().map(t -> row.name() + " -> " + t).filter(a -> !used.contains(a))
                    .forEach(unused::add);
        }
        return unused;
    }

    /** The rows that place no class, e.g. a package that was removed or renamed. */
    Set<String> emptyRows(JavaClasses classes) {
        Set<String> placed = new HashSet<>();
        for (JavaClass c : classes) {
            rowOf(c.getPackageName()).ifPresent(r -> placed.add(r.name()));
        }
        Set<String> empty = new TreeSet<>(rows.keySet());
        empty.removeAll(placed);
        return empty;
    }
}
