package labcheck.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import labcheck.checks.CheckCatalog;
import org.junit.jupiter.api.Test;

/** The rubric's two switches for a cache with no miss path: what lazy loading earns, and whether keys may be reset. */
class NoMissPathPolicyTest {

    /** The shipped rubric's text, read as a user's copy of it would be. */
    private static String shipped() throws Exception {
        try (var in = RubricLoader.class.getResourceAsStream(RubricLoader.SHIPPED)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The shipped rubric with its two switch lines replaced by {@code switches} (removed when empty). */
    private static Rubric parse(String switches) throws Exception {
        String text = shipped().replaceAll("(?m)^  lazyLoadingWhenNoMissPath:.*\\n(^ {20,}#.*\\n)*", "")
                .replaceAll("(?m)^  resetCachedProductKeys:.*\\n(^ {20,}#.*\\n)*", "")
                .replace("  warmTopProducts:", switches + "  warmTopProducts:");
        return RubricLoader.parse(text, "my.yaml", CheckCatalog.ids());
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void aRubricWithoutTheSwitchesKeepsTheSeedsPolicyUnverifiableAndNoReset() throws Exception {
        Thresholds t = parse("").thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo(Thresholds.NO_MISS_PATH_UNVERIFIABLE);
        assertThat(t.resetCachedProductKeys()).isFalse();
        assertThat(t).isEqualTo(Thresholds.seedDefaults());
    }

    @Test
    void theSwitchesAreReadFromTheFile() throws Exception {
        Thresholds t = parse("  lazyLoadingWhenNoMissPath: credit\n  resetCachedProductKeys: true\n").thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo(Thresholds.NO_MISS_PATH_CREDIT);
        assertThat(t.resetCachedProductKeys()).isTrue();
        assertThat(t.asText()).containsEntry("lazyLoadingWhenNoMissPath", "credit");
    }

    @Test
    void anUnknownPolicyNamesItsLineAndTheValuesItTakes() throws Exception {
        int line = lineOf(shipped(), "  warmTopProducts:");
        assertThatThrownBy(() -> parse("  lazyLoadingWhenNoMissPath: maybe\n"))
                .isInstanceOf(RubricException.class)
                .hasMessage("my.yaml, line " + line + ": thresholds.lazyLoadingWhenNoMissPath is 'maybe', not one of"
                        + " unverifiable, credit, fail. Fix: write unverifiable (the seed lab's: no marks, says how to"
                        + " observe a miss), credit (hits from Redis are enough) or fail.");
    }

    @Test
    void theShippedRubricStatesBothSwitchesWithTheSeedsValues() throws Exception {
        assertThat(shipped()).contains("lazyLoadingWhenNoMissPath: unverifiable").contains("resetCachedProductKeys: false");
        Thresholds t = RubricLoader.shipped(CheckCatalog.ids()).thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo("unverifiable");
        assertThat(t.resetCachedProductKeys()).isFalse();
    }
}
