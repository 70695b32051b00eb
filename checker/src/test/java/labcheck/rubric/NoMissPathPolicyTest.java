package labcheck.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import labcheck.checks.CheckCatalog;
import org.junit.jupiter.api.Test;

/** The rubric's two switches for a cache with no miss path: what lazy loading earns, and whether keys may be reset. */
class NoMissPathPolicyTest {

    private static final String RUBRIC = """
            id: t
            version: "1"
            title: T
            total: 1
            thresholds:
              clusterId: product-cache-cluster
              allowedNodeTypes: [cache.t2.micro]
              allowedEngines: [redis]
              engineMajorVersion: 7
              nodeCount: 1
              redisPort: 6379
              ttlMaxSeconds: 3600
              improvementPercent: 50
              hitRatioPercent: 80
              requestsPerApp: 100
              minProducts: 1000
            %s
            items:
              - id: sg
                title: Security group
                marks: 1
                checks:
                  - id: ec2_redis_port_not_open_to_cidr
                    marks: 1
            """;

    private static Rubric parse(String switches) {
        return RubricLoader.parse(RUBRIC.formatted(switches), "my.yaml", CheckCatalog.ids());
    }

    @Test
    void aRubricWithoutTheSwitchesKeepsTheSeedsPolicyUnverifiableAndNoReset() {
        Thresholds t = parse("").thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo(Thresholds.NO_MISS_PATH_UNVERIFIABLE);
        assertThat(t.resetCachedProductKeys()).isFalse();
        assertThat(t).isEqualTo(Thresholds.seedDefaults());
    }

    @Test
    void theSwitchesAreReadFromTheFile() {
        Thresholds t = parse("  lazyLoadingWhenNoMissPath: credit\n  resetCachedProductKeys: true").thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo(Thresholds.NO_MISS_PATH_CREDIT);
        assertThat(t.resetCachedProductKeys()).isTrue();
        assertThat(t.asText()).containsEntry("lazyLoadingWhenNoMissPath", "credit");
    }

    @Test
    void anUnknownPolicyNamesItsLineAndTheValuesItTakes() {
        assertThatThrownBy(() -> parse("  lazyLoadingWhenNoMissPath: maybe"))
                .isInstanceOf(RubricException.class)
                .hasMessage("my.yaml, line 17: thresholds.lazyLoadingWhenNoMissPath is 'maybe', not one of"
                        + " unverifiable, credit, fail. Fix: write unverifiable (the seed lab's: no marks, says how to"
                        + " observe a miss), credit (hits from Redis are enough) or fail.");
    }

    @Test
    void theShippedRubricStatesBothSwitchesWithTheSeedsValues() {
        Thresholds t = RubricLoader.shipped(CheckCatalog.ids()).thresholds();

        assertThat(t.lazyLoadingWhenNoMissPath()).isEqualTo("unverifiable");
        assertThat(t.resetCachedProductKeys()).isFalse();
    }
}
