package labcheck.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import labcheck.evidence.Evidence;
import labcheck.report.Scoresheet;
import labcheck.rubric.Rubric;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades evidence against a rubric: runs the rubric's checks as JUnit Jupiter tests through
 * the JUnit Platform Launcher and assembles the {@link Scoresheet}.
 *
 * <pre>{@code
 * Grader grader = new Grader(rubric, CheckIndex.discover("labcheck.checks"), Clock.systemUTC());
 * Scoresheet sheet = grader.grade(EvidenceBundle.read(Path.of("bundle")));
 * }</pre>
 *
 * <p>Deterministic: the same evidence and rubric give the same scoresheet, apart from
 * {@code gradedAt}, which comes from the injected {@link Clock}.
 *
 * <p>Thread-safe: a {@code Grader} is immutable and each {@link #grade} opens its own launcher
 * session, whose store carries that call's evidence; concurrent calls never see each other's
 * evidence. Checks run one after another within a call, each bounded by {@link #CHECK_TIMEOUT}.
 */
public final class Grader {

    /** A check only reads evidence; one that takes longer than this is a bug and must not hang a batch. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final Rubric rubric;
    private final CheckIndex index;
    private final Clock clock;
    private final Duration checkTimeout;

    /** A grader over these checks (the shipped ones: {@code CheckCatalog.grader(rubric)}) and clock. */
    public Grader(Rubric rubric, CheckIndex index, Clock clock) {
        this(rubric, index, clock, CHECK_TIMEOUT);
    }

    Grader(Rubric rubric, CheckIndex index, Clock clock, Duration checkTimeout) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkTimeout = Objects.requireNonNull(checkTimeout, "checkTimeout");
    }

    public Rubric rubric() {
        return rubric;
    }

    /** Runs every check the rubric names on {@code evidence}; never throws because a check broke. */
    public Scoresheet grade(Evidence evidence) {
        return grade(evidence, null);
    }

    /**
     * Runs only the checks {@code selected} names ({@code rubric.select(ids)}; null: every check);
     * the items with none of them are listed as not run, outside the total.
     */
    public Scoresheet grade(Evidence evidence, Set<String> selected) {
        GradingContext context = GradingContext.of(rubric, evidence);
        Map<String, CheckRun> runs = run(context, selected == null ? rubric.checkIds() : selected);
        return new ScoresheetAssembler(rubric, index).assemble(context, runs, Instant.now(clock), selected);
    }

    /** The evidence parts the checks {@code selected} read (null: every check of the rubric). */
    public Set<labcheck.evidence.EvidencePart> needs(Set<String> selected) {
        return index.needs(selected == null ? rubric.checkIds() : selected);
    }

    Map<String, CheckRun> run(Evidence evidence) {
        return run(GradingContext.of(rubric, evidence), rubric.checkIds());
    }

    private Map<String, CheckRun> run(GradingContext context, Set<String> wanted) {
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .addTestEngines(jupiter())
                .build();
        try (LauncherSession session = LauncherFactory.openSession(config)) {
            session.getStore().put(Namespace.create(EvidenceResolver.NAMESPACE.getParts()), EvidenceResolver.KEY,
                    context);
            ScoringListener listener = new ScoringListener();
            session.getLauncher().execute(request(wanted), listener);
            return listener.runs();
        }
    }

    /** Only Jupiter runs checks, whatever other engines the classpath holds (vintage, suites, ...). */
    private static TestEngine jupiter() {
        // the engine is a runtime dependency of junit-jupiter, so it is found as a service, not compiled against
        return ServiceLoader.load(TestEngine.class, Grader.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(engine -> "junit-jupiter".equals(engine.getId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the JUnit Jupiter engine is missing from the classpath;"
                        + " labcheck was built without junit-jupiter-engine."));
    }

    private LauncherDiscoveryRequest request(Set<String> wanted) {
        List<org.junit.platform.engine.discovery.ClassSelector> selectors =
                index.classes().stream().map(DiscoverySelectors::selectClass).toList();
        PostDiscoveryFilter onlyRubricChecks = descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(source -> CheckIndex.idOf(source.getJavaMethod())
                        .filter(wanted::contains)
                        .map(id -> FilterResult.included("named by the rubric"))
                        .orElse(FilterResult.excluded("not named by the rubric")))
                .orElse(FilterResult.included("a container"));
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(onlyRubricChecks)
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "false",
                        "junit.jupiter.extensions.autodetection.enabled", "false",
                        "junit.jupiter.execution.timeout.mode", "enabled",
                        "junit.jupiter.execution.timeout.default", checkTimeout.toMillis() + " ms",
                        // only a separate thread lets the timeout stop a check that never returns
                        "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD"))
                .build();
    }
}
