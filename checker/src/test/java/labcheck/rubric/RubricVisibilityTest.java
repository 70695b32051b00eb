package labcheck.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import labcheck.checks.CheckCatalog;
import labcheck.rubric.Rubric.Visibility;
import org.junit.jupiter.api.Test;

/** A rubric item's {@code visibility:}: student by default, after_deadline or judges when written. */
class RubricVisibilityTest {

    private static final String RUBRIC = """
            id: t
            version: "1"
            title: T
            total: 2
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
            items:
              - id: sg
                title: Security group
                marks: 1
                checks:
                  - id: ec2_redis_port_open_only_to_app_sg
                    marks: 1
              - id: cidr
                title: No CIDR
                marks: 1
                VISIBILITY
                checks:
                  - id: ec2_redis_port_not_open_to_cidr
                    marks: 1
            """;

    private static Rubric parse(String visibilityLine) {
        return RubricLoader.parse(RUBRIC.replace("VISIBILITY", visibilityLine), "my.yaml", CheckCatalog.ids());
    }

    @Test
    void givenNoVisibilityWhenLoadedThenEveryItemIsTheStudents() {
        Rubric rubric = parse("");

        assertThat(rubric.items()).extracting(Rubric.RubricItem::visibility).containsOnly(Visibility.STUDENT);
        assertThat(RubricLoader.shipped(CheckCatalog.ids()).allItems()).extracting(Rubric.RubricItem::visibility)
                .containsOnly(Visibility.STUDENT);
    }

    @Test
    void givenJudgesOrAfterDeadlineWhenLoadedThenTheItemCarriesIt() {
        assertThat(parse("visibility: judges").items().get(1).visibility()).isEqualTo(Visibility.JUDGES);
        assertThat(parse("visibility: after_deadline").items().get(1).visibility())
                .isEqualTo(Visibility.AFTER_DEADLINE);
        assertThat(parse("visibility: student").items().get(1).visibility()).isEqualTo(Visibility.STUDENT);
    }

    @Test
    void givenAMisspelledVisibilityWhenLoadedThenTheLineTheNearestAndTheChoicesAreNamed() {
        assertThatThrownBy(() -> parse("visibility: judge"))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("my.yaml, line")
                .hasMessageContaining("item 'cidr' has visibility 'judge'")
                .hasMessageContaining("did you mean 'judges'?")
                .hasMessageContaining("write one of student, after_deadline, judges");
    }
}
