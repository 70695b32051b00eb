package labcheck.text;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A key written twice in one mapping is refused naming it, where it is, and both lines. */
class YamlKeysTest {

    @Test
    void aKeyTwiceInANestedMappingIsNamedWithBothLines() {
        String yaml = "id: lab\nthresholds:\n  requestsPerApp: 100\n  hitRatioPercent: 80\n  requestsPerApp: 5\n";

        assertThatThrownBy(() -> YamlKeys.requireUnique(yaml, "mine.yaml"))
                .hasMessage("mine.yaml, line 5: key 'requestsPerApp' appears twice in thresholds (first on line 3);"
                        + " YAML would keep only the last, silently. Fix: keep one of them.");
    }

    @Test
    void aKeyTwiceAtTheTopLevelOrInAListItemIsNamedToo() {
        assertThatThrownBy(() -> YamlKeys.requireUnique("app: a\nregion: r\napp: b\n", "labcheck.yaml"))
                .hasMessageStartingWith("labcheck.yaml, line 3: key 'app' appears twice in the top level (first on"
                        + " line 1)");
        assertThatThrownBy(() -> YamlKeys.requireUnique("items:\n  - id: a\n    checks:\n      - id: x\n        id: y\n",
                "r.yaml")).hasMessageStartingWith("r.yaml, line 5: key 'id' appears twice in items[0].checks[0]");
    }

    @Test
    void theSameKeyInSiblingMappingsAndInvalidYamlAreLeftAlone() {
        assertThatCode(() -> YamlKeys.requireUnique("- id: a\n  app: x\n- id: b\n  app: y\n", "roster.yaml"))
                .doesNotThrowAnyException();
        assertThatCode(() -> YamlKeys.requireUnique("a: [1, 2\n", "broken.yaml")).doesNotThrowAnyException();
    }
}
