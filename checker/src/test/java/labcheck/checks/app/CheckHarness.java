package labcheck.checks.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labcheck.engine.Check;
import labcheck.engine.Outcome;
import labcheck.engine.PartialCredit;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.app.AppEvidence;
import labcheck.rubric.Thresholds;
import org.opentest4j.TestAbortedException;

/**
 * Calls the app check methods directly, the way the engine will, and records each outcome:
 * returned = passed, PartialCredit = partial, AssertionError = failed, Unverifiable = unverifiable.
 */
final class CheckHarness {

    static final List<Class<?>> CHECK_CLASSES = List.of(AppHealthChecks.class, LazyLoadingChecks.class,
            TtlChecks.class, ImprovementChecks.class, HitRatioChecks.class, ExtensionChecks.class);

    /** One check's result. */
    record Result(Outcome outcome, String message, String details) {
    }

    private CheckHarness() {
    }

    static Evidence evidence(Fact<AppEvidence> app) {
        return Evidence.empty(new Subject("s1", "Student", "us-east-1", "product-cache-cluster", null, null, null),
                "2026-11-26T00:00:00Z").withApp(app);
    }

    static Map<String, Result> gradeAll(Evidence evidence) {
        Map<String, Result> out = new LinkedHashMap<>();
        for (Class<?> c : CHECK_CLASSES) {
            for (Method m : c.getDeclaredMethods()) {
                Check check = m.getAnnotation(Check.class);
                if (check != null) {
                    out.put(check.id(), run(c, m, evidence));
                }
            }
        }
        return out;
    }

    static Result run(String id, Evidence evidence) {
        for (Class<?> c : CHECK_CLASSES) {
            for (Method m : c.getDeclaredMethods()) {
                Check check = m.getAnnotation(Check.class);
                if (check != null && check.id().equals(id)) {
                    return run(c, m, evidence);
                }
            }
        }
        throw new IllegalArgumentException("no check " + id);
    }

    private static Result run(Class<?> c, Method m, Evidence evidence) {
        Map<String, String> entries = new HashMap<>();
        try {
            m.setAccessible(true);
            Object instance = c.getDeclaredConstructor().newInstance();
            m.invoke(instance, evidence, Thresholds.seedDefaults(),
                    (org.junit.jupiter.api.TestReporter) entries::putAll);
            return new Result(Outcome.PASSED, null, entries.get("details"));
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            String details = entries.get("details");
            if (t instanceof PartialCredit p) {
                return new Result(Outcome.PARTIAL, p.fraction() + ": " + p.getMessage(), details);
            }
            if (t instanceof Unverifiable || t instanceof TestAbortedException) {
                return new Result(Outcome.UNVERIFIABLE, t.getMessage(), details);
            }
            if (t instanceof AssertionError) {
                return new Result(Outcome.FAILED, t.getMessage(), details);
            }
            return new Result(Outcome.ERROR, t.toString(), details);
        } catch (ReflectiveOperationException e) {
            return new Result(Outcome.ERROR, e.toString(), null);
        }
    }

    /** The ids that did not pass, for compact assertions. */
    static Map<String, Outcome> notPassed(Map<String, Result> results) {
        return results.entrySet().stream().filter(e -> e.getValue().outcome() != Outcome.PASSED)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome(), (a, b) -> a,
                        java.util.TreeMap::new));
    }

    static String describe(Map<String, Result> results) {
        return results.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().outcome()
                + (e.getValue().message() == null ? "" : " - " + e.getValue().message())
                + (e.getValue().details() == null ? "" : "\n    details: " + e.getValue().details()))
                .collect(Collectors.joining("\n"));
    }
}
