package labcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PackageTableTest {

    private static final String HEAD = """
            # How labcheck is built

            | package | may depend on (inside labcheck) | because |
            |---|---|---|
            """;

    @Test
    void rowsArePlacedByNameAndAPatternPlacesTheSubpackagesWithoutARow() {
        PackageTable table = PackageTable.parse(HEAD + """
                | `evidence` | nothing | the model |
                | `checks.support` | `evidence` | shared |
                | `checks.*` | `checks.support`, `evidence` | areas |
                | `cli` | anything | wires |

                After the table.
                """);

        assertThat(table.names()).containsExactly("evidence", "checks.support", "checks.*", "cli");
        assertThat(table.rowOf("labcheck.checks.support")).map(PackageTable.Row::name).hasValue("checks.support");
        assertThat(table.rowOf("labcheck.checks.app")).map(PackageTable.Row::name).hasValue("checks.*");
        assertThat(table.rowOf("labcheck.checks.app.deeper")).isEmpty();
        assertThat(table.rowOf("labcheck.checks")).isEmpty();
        assertThat(table.rowOf("labcheck")).isEmpty();
        assertThat(table.allows("labcheck.checks.app", "labcheck.evidence")).isTrue();
        assertThat(table.allows("labcheck.checks.app", "labcheck.checks.app")).isTrue();
        assertThat(table.allows("labcheck.checks.app", "labcheck.checks.cluster")).isFalse();
        assertThat(table.allows("labcheck.evidence", "labcheck.checks.app")).isFalse();
        assertThat(table.allows("labcheck.evidence", "java.util")).isTrue();
        assertThat(table.allows("labcheck.cli", "labcheck.checks.app")).isTrue();
        assertThat(table.allows("labcheck.cli", "labcheck.unplaced")).isFalse();
    }

    @Test
    void aDocWithoutTheTableIsRefused() {
        assertThatThrownBy(() -> PackageTable.parse("# How labcheck is built\n\nNo table here.\n"))
                .hasMessage("docs/architecture.md has no package table; expected a header row"
                        + " \"| package | may depend on (inside labcheck) | because |\"");
    }

    @Test
    void aRowNamingAPackageWithoutARowIsRefused() {
        assertThatThrownBy(() -> PackageTable.parse(HEAD + "| `collect` | `evidnce` | typo |\n"))
                .hasMessage("docs/architecture.md, line 5: `collect` may depend on `evidnce`, which has no row;"
                        + " add its row or fix the name");
    }

    @Test
    void aPackageWithTwoRowsIsRefused() {
        assertThatThrownBy(() -> PackageTable.parse(HEAD + "| `text` | nothing | a |\n| `text` | nothing | b |\n"))
                .hasMessage("docs/architecture.md, line 6: package `text` has a row already (line 5); give each"
                        + " package one row");
    }

    @Test
    void proseInTheDependencyCellIsRefused() {
        assertThatThrownBy(() -> PackageTable.parse(HEAD + "| `text` | nothing | a |\n"
                + "| `rubric` | `text` (for names) | b |\n"))
                .hasMessage("docs/architecture.md, line 6: the second cell is nothing, anything, or package names in"
                        + " backticks separated by commas, found: `text` (for names)");
    }

    @Test
    void aFirstCellThatIsNotOnePackageIsRefused() {
        assertThatThrownBy(() -> PackageTable.parse(HEAD + "| `collect`, `probe` | nothing | a |\n"))
                .hasMessage("docs/architecture.md, line 5: the first cell names one package in backticks, e.g."
                        + " `checks.support`, found: `collect`, `probe`");
    }
}
