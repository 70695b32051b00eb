package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/** Checks that test several conditions at once with assertAll, as the shipped checks do. Not in the catalog. */
public class ConditionFixtureChecks {

    @Check(id = "fixture_check_fails_twice", title = "Fails two conditions", remediation = "Fix both.")
    void failsTwice() {
        assertAll(() -> assertThat(1).withFailMessage("First condition failed.").isEqualTo(2),
                () -> assertThat(true).isTrue(),
                () -> assertThat("b").withFailMessage("Second condition failed.").isEqualTo("c"));
    }

    @Check(id = "fixture_check_breaks_in_assert_all", title = "A condition has a bug", remediation = "Report it.")
    void breaksInAssertAll() {
        String missing = null;
        assertAll(() -> assertThat(1).withFailMessage("This one failed.").isEqualTo(2),
                () -> assertThat(missing.length()).isEqualTo(1));
    }
}
