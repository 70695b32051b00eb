package labcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Collectors;
import labcheck.checks.cluster.ClusterChecks;
import labcheck.checks.cluster.ReachingCheckFixture;
import org.junit.jupiter.api.Test;

/**
 * The package table of {@code docs/architecture.md} as the one layered rule (see
 * {@link PackageTable}), plus the two rules a table cannot say: no cycles between top-level
 * packages, no AssertJ proxies.
 */
class ArchitectureTest {

    /** labcheck's own production classes (test classes may reach across, e.g. to build evidence). */
    private static final JavaClasses LABCHECK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PackageTable.ROOT);

    private static final PackageTable TABLE = PackageTable.read(PackageTable.DOC);

    private static final ArchRule LABCHECK_USES_NO_ASSERTJ_PROXIES = noClasses()
            .that().resideInAPackage("labcheck..")
            .should().dependOnClassesThat().haveNameMatching(
                    "org\\.assertj\\.core\\.api\\.(.*Soft.*|.*Assumptions.*)")
            .because("AssertJ builds soft assertions and assumptions as Byte Buddy proxies, and labcheck.jar does not"
                    + " ship Byte Buddy (7.6 MB, issue 10): collect conditions with JUnit's assertAll, give up with"
                    + " Unverifiable");

    // evidence.app is part of the evidence model (Evidence holds AppEvidence, which holds Facts), so the
    // model counts as one slice; every other top-level package is its own slice.
    private static final ArchRule NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES = slices().matching("labcheck.(*)..")
            .should().beFreeOfCycles();

    @Test
    void everyPackageIsPlacedAndDependsOnlyOnWhatItsRowAllows() {
        TABLE.rule().check(LABCHECK);
    }

    @Test
    void theTableAllowsNoDependencyTheCodeDoesNotHave() {
        assertThat(TABLE.unusedAllowances(LABCHECK))
                .withFailMessage(() -> "docs/architecture.md's package table allows " + TABLE.unusedAllowances(LABCHECK)
                        + ", but no class has such a dependency; remove each from its row, so the table says what"
                        + " the code does")
                .isEmpty();
    }

    @Test
    void everyRowPlacesAPackageThatHasClasses() {
        assertThat(TABLE.emptyRows(LABCHECK))
                .withFailMessage(() -> "docs/architecture.md's package table has rows for " + TABLE.emptyRows(LABCHECK)
                        + ", but no class of labcheck is in them; remove the rows of packages that are gone, or fix"
                        + " their names")
                .isEmpty();
    }

    @Test
    void aCheckThatImportsTheSshTransportFails() {
        EvaluationResult result = TABLE.rule().evaluate(new ClassFileImporter()
                .importClasses(ReachingCheckFixture.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("<labcheck.checks.cluster.ReachingCheckFixture.through(labcheck.reach.SshSettings)>")
                .contains("but docs/architecture.md lets labcheck.checks.cluster (row `checks.*`, line ")
                .contains("depend only on checks.support, engine, evidence, evidence.app, rubric, text");
    }

    @Test
    void aCheckThatReadsOnlyEvidenceAndTheRubricPasses() {
        EvaluationResult result = TABLE.rule().evaluate(new ClassFileImporter().importClasses(ClusterChecks.class));

        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void aPackageWithoutARowFailsNamingThePackageAndTheDoc() throws IOException {
        String withoutDemo = Files.readString(PackageTable.DOC).lines().filter(l -> !l.startsWith("| `demo` |"))
                .collect(Collectors.joining("\n"));

        EvaluationResult result = PackageTable.parse(withoutDemo).rule().evaluate(LABCHECK);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .startsWith("Package labcheck.demo (e.g. <labcheck.demo.")
                .endsWith("is not placed in docs/architecture.md's package table. Fix: add a row for `demo` to that"
                        + " table, naming the packages it may depend on and why (and give the package a"
                        + " package-info.java saying what it is for)");
    }

    @Test
    void checkAreasMayUseTheSupportPackageButNotEachOther() {
        assertThat(TABLE.allows("labcheck.checks.app", "labcheck.checks.support")).isTrue();
        assertThat(TABLE.allows("labcheck.checks.app", "labcheck.checks.network")).isFalse();
        assertThat(TABLE.allows("labcheck.checks.app", "labcheck.reach")).isFalse();
        assertThat(TABLE.allows("labcheck.report", "labcheck.engine")).isFalse();
        assertThat(TABLE.allows("labcheck.engine", "labcheck.checks")).isFalse();
        assertThat(TABLE.allows("labcheck.run", "labcheck.cli")).isFalse();
        assertThat(TABLE.allows("labcheck.cli", "labcheck.run")).isTrue();
    }

    @Test
    void labcheckUsesNoAssertjProxies() {
        LABCHECK_USES_NO_ASSERTJ_PROXIES.check(LABCHECK);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES.check(LABCHECK);
    }
}
