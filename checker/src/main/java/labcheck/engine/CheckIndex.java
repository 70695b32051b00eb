package labcheck.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import labcheck.evidence.EvidencePart;
import labcheck.rubric.Thresholds;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The checks found in a list of classes (or discovered in a package), by id. Refuses two checks with one id, an id
 * that does not read {@code <service>_<resource>_<expected>} (lower case, underscores), and a title or remediation
 * naming a placeholder that is no threshold of the rubric ({@code ${clusterID}} for {@code ${clusterId}}).
 *
 * <pre>{@code
 * CheckIndex index = CheckIndex.of(List.of(ClusterChecks.class));
 * CheckInfo info = index.get("elasticache_cluster_available").orElseThrow();
 * }</pre>
 */
public final class CheckIndex {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(_[a-z0-9]+){2,}");

    private final List<Class<?>> classes;
    private final Map<String, CheckInfo> byId;

    private CheckIndex(List<Class<?>> classes, Map<String, CheckInfo> byId) {
        this.classes = List.copyOf(classes);
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static CheckIndex of(List<Class<?>> classes) {
        Map<String, CheckInfo> byId = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            Method[] methods = type.getDeclaredMethods();
            // declared order is unspecified by the JVM; sort so the index is the same on every run
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                Check check = method.getAnnotation(Check.class);
                if (check == null) {
                    continue;
                }
                if (!ID.matcher(check.id()).matches()) {
                    throw new IllegalStateException("check id '" + check.id() + "' on " + type.getName() + "#"
                            + method.getName() + " must read <service>_<resource>_<expected> in lower case.");
                }
                CheckInfo info = new CheckInfo(check.id(), check.title(), check.remediation(), method);
                if (!info.unknownPlaceholders().isEmpty()) {
                    throw new IllegalStateException("check id '" + check.id() + "' on " + info.location()
                            + " names " + String.join(", ", info.unknownPlaceholders()) + " in its title or"
                            + " remediation, and the rubric has no such threshold; use one of "
                            + Thresholds.names().stream().map(name -> "${" + name + "}")
                                    .collect(Collectors.joining(", ")) + ".");
                }
                CheckInfo previous = byId.put(check.id(), info);
                if (previous != null) {
                    throw new IllegalStateException("check id '" + check.id() + "' is declared twice: on "
                            + previous.location() + " and on " + type.getSimpleName() + "#" + method.getName() + ".");
                }
            }
        }
        return new CheckIndex(classes, byId);
    }

    /**
     * Every class under {@code packageName} (sub-packages included) that declares a {@link Check}
     * method, found on the class path the way JUnit finds tests, so a new check class needs no
     * registration. Sorted by name, so the index is the same on every run.
     */
    public static CheckIndex discover(String packageName) {
        List<Class<?>> found = new ArrayList<>(ReflectionSupport.findAllClassesInPackage(packageName,
                CheckIndex::declaresChecks, name -> true));
        found.sort(Comparator.comparing(Class::getName));
        if (found.isEmpty()) {
            throw new IllegalStateException("no check classes were found in package " + packageName
                    + "; labcheck's classes are missing from the class path.");
        }
        return of(found);
    }

    private static boolean declaresChecks(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Check.class));
    }

    public List<Class<?>> classes() {
        return classes;
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public Optional<CheckInfo> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The evidence parts the checks {@code ids} read together (an id this index lacks reads everything). */
    public Set<EvidencePart> needs(Collection<String> ids) {
        Set<EvidencePart> parts = EnumSet.noneOf(EvidencePart.class);
        for (String id : ids) {
            parts.addAll(get(id).map(CheckInfo::needs).orElse(EnumSet.allOf(EvidencePart.class)));
        }
        return parts;
    }

    /** The id of the check a method carries, or empty when it is not a check. */
    public static Optional<String> idOf(Method method) {
        Check check = method.getAnnotation(Check.class);
        return check == null ? Optional.empty() : Optional.of(check.id());
    }
}
