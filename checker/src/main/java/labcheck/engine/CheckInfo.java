package labcheck.engine;

import java.lang.reflect.Method;

/** One check's metadata, read from its {@link Check} annotation. */
public record CheckInfo(String id, String title, String remediation, Method method) {

    /** {@code ClassName#method}, for messages about a check's code. */
    public String location() {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }

    /** The check's source file below the source root, e.g. {@code labcheck/checks/cluster/ClusterChecks.java}. */
    public String sourcePath() {
        Class<?> top = method.getDeclaringClass();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getName().replace('.', '/') + ".java";
    }
}
