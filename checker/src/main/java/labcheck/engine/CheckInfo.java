package labcheck.engine;

import java.lang.reflect.Method;

/** One check's metadata, read from its {@link Check} annotation. */
public record CheckInfo(String id, String title, String remediation, Method method) {

    /** {@code ClassName#method}, for messages about a check's code. */
    public String location() {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }
}
