package labcheck;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's direction, pinned: collect and probe fill the evidence, checks read it, the
 * engine runs checks and builds the scoresheet, report renders it; cli wires them together.
 * {@code docs/architecture.md} draws the same picture.
 */
class ArchitectureTest {

    /** labcheck's own production classes (test classes may reach across, e.g. to build evidence). */
    private static final JavaClasses LABCHECK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("labcheck");

    private static final ArchRule EVIDENCE_DEPENDS_ON_NOTHING_ELSE_IN_LABCHECK = classes()
            .that().resideInAPackage("labcheck.evidence..")
            .should().onlyDependOnClassesThat(resideInAPackage("labcheck.evidence..")
                    .or(resideOutsideOfPackage("labcheck..")))
            .because("the evidence model is the contract between collecting and grading; a saved bundle must be"
                    + " readable without the rest of labcheck");

    private static final ArchRule COLLECTORS_DEPEND_ONLY_ON_EVIDENCE = classes()
            .that().resideInAPackage("labcheck.collect..")
            .should().onlyDependOnClassesThat(resideInAPackage("labcheck.collect..")
                    .or(resideInAPackage("labcheck.evidence.."))
                    .or(resideOutsideOfPackage("labcheck..")))
            .because("collectors fill evidence and know nothing of checks, rubrics or reports");

    private static final ArchRule PROBES_DEPEND_ONLY_ON_EVIDENCE = classes()
            .that().resideInAPackage("labcheck.probe..")
            .should().onlyDependOnClassesThat(resideInAPackage("labcheck.probe..")
                    .or(resideInAPackage("labcheck.evidence.."))
                    .or(resideOutsideOfPackage("labcheck..")))
            .because("probes fill evidence and know nothing of checks, rubrics or reports");

    private static final ArchRule CHECKS_ONLY_READ_EVIDENCE = noClasses()
            .that().resideInAPackage("labcheck.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("labcheck.probe..", "labcheck.collect..",
                    "labcheck.report..", "labcheck.batch..", "labcheck.cli..", "labcheck.run..", "labcheck.demo..")
            .because("a check asserts on evidence only, so any grade can be recomputed offline from a bundle");

    private static final ArchRule ENGINE_DOES_NOT_KNOW_THE_SHIPPED_CHECKS = noClasses()
            .that().resideInAPackage("labcheck.engine..")
            .should().dependOnClassesThat().resideInAPackage("labcheck.checks..")
            .because("the engine runs whatever checks it is given; CheckCatalog (in checks) picks the shipped ones");

    private static final ArchRule REPORT_DOES_NOT_DEPEND_ON_THE_ENGINE = noClasses()
            .that().resideInAPackage("labcheck.report..")
            .should().dependOnClassesThat().resideInAPackage("labcheck.engine..")
            .because("renderers read the scoresheet model; the engine builds it");

    private static final ArchRule ONLY_THE_CLI_WIRES_COMMANDS = noClasses()
            .that(not(resideInAPackage("labcheck.cli..")))
            .should().dependOnClassesThat().resideInAPackage("labcheck.cli..")
            .because("cli is the top of the pipeline: it wires the parts and nothing wires it");

    private static final ArchRule LABCHECK_USES_NO_ASSERTJ_PROXIES = noClasses()
            .that().resideInAPackage("labcheck..")
            .should().dependOnClassesThat().haveNameMatching(
                    "org\\.assertj\\.core\\.api\\.(.*Soft.*|.*Assumptions.*)")
            .because("AssertJ builds soft assertions and assumptions as Byte Buddy proxies, and labcheck.jar does not"
                    + " ship Byte Buddy (7.6 MB, issue 10): collect conditions with JUnit's assertAll, give up with"
                    + " Unverifiable");

    // evidence.app is part of the evidence model (Evidence holds AppEvidence, which holds Facts), so the
    // model counts as one slice; every other top-level package and every check area is its own slice.
    private static final ArchRule NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES = slices().matching("labcheck.(*)..")
            .should().beFreeOfCycles();

    private static final ArchRule NO_CYCLES_BETWEEN_CHECK_AREAS = slices().matching("labcheck.checks.(*)..")
            .should().beFreeOfCycles()
            .because("helpers shared by check areas live in labcheck.checks.support");

    @Test
    void evidenceDependsOnNothingElseInLabcheck() {
        EVIDENCE_DEPENDS_ON_NOTHING_ELSE_IN_LABCHECK.check(LABCHECK);
    }

    @Test
    void collectorsDependOnlyOnEvidence() {
        COLLECTORS_DEPEND_ONLY_ON_EVIDENCE.check(LABCHECK);
    }

    @Test
    void probesDependOnlyOnEvidence() {
        PROBES_DEPEND_ONLY_ON_EVIDENCE.check(LABCHECK);
    }

    @Test
    void checksOnlyReadEvidence() {
        CHECKS_ONLY_READ_EVIDENCE.check(LABCHECK);
    }

    @Test
    void engineDoesNotKnowTheShippedChecks() {
        ENGINE_DOES_NOT_KNOW_THE_SHIPPED_CHECKS.check(LABCHECK);
    }

    @Test
    void reportDoesNotDependOnTheEngine() {
        REPORT_DOES_NOT_DEPEND_ON_THE_ENGINE.check(LABCHECK);
    }

    @Test
    void onlyTheCliWiresCommands() {
        ONLY_THE_CLI_WIRES_COMMANDS.check(LABCHECK);
    }

    @Test
    void labcheckUsesNoAssertjProxies() {
        LABCHECK_USES_NO_ASSERTJ_PROXIES.check(LABCHECK);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES.check(LABCHECK);
    }

    @Test
    void noCyclesBetweenCheckAreas() {
        NO_CYCLES_BETWEEN_CHECK_AREAS.check(LABCHECK);
    }
}
