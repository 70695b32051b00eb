package labcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/** Checks that judge several conditions at once, as the shipped checks do. Not in the catalog. */
public class ConditionFixtureChecks {

    @Check(id = "fixture_check_fails_twice", title = "Fails two conditions", remediation = "Fix both.")
    void failsTwice() {
        new Conditions()
                .expect(1 == 2, () -> "First condition failed.")
                .expect(true, () -> "This one held.")
                .fail("Second condition failed.")
                .verify();
    }

    @Check(id = "fixture_check_partly_and_fails", title = "Falls short and fails", remediation = "Fix both.")
    void partlyAndFails() {
        new Conditions().partly(0.5, "Half of it is there.").fail("The rest failed.").verify();
    }

    @Check(id = "fixture_check_partly", title = "Falls short", remediation = "Do the rest.")
    void partly() {
        new Conditions().expect(true, () -> "This one held.").partly(0.4, "Four tenths of it.").verify();
    }

    @Check(id = "fixture_check_breaks_in_assert_all", title = "A condition has a bug", remediation = "Report it.")
    void breaksInAssertAll() {
        String missing = null;
        assertAll(() -> assertThat(1).withFailMessage("This one failed.").isEqualTo(2),
                () -> assertThat(missing.length()).isEqualTo(1));
    }
}
