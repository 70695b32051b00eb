package labcheck.engine;

import labcheck.evidence.Evidence;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a check the {@link Evidence} and {@link Thresholds} of the run it is part of.
 * {@link Grader} puts them in its launcher session's store; every check of that run, and
 * only that run, sees them, so concurrent gradings never mix students.
 */
public final class EvidenceResolver implements ParameterResolver {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("labcheck", "grading");
    static final String KEY = "context";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Evidence.class || type == Thresholds.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        GradingContext context = extension
                .getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
                .get(KEY, GradingContext.class);
        if (context == null) {
            throw new ParameterResolutionException("No evidence for " + extension.getDisplayName()
                    + ": labcheck checks run only through labcheck.engine.Grader.");
        }
        return parameter.getParameter().getType() == Evidence.class ? context.evidence() : context.thresholds();
    }
}
