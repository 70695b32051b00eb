package labcheck.engine;

import static org.assertj.core.api.Assertions.fail;

/** Checks whose texts name the rubric's thresholds, one of them wrongly. Not in the catalog. */
public class PlaceholderFixtureChecks {

    @Check(id = "fixture_check_names_thresholds", title = "Port ${redisPort} stays closed",
            remediation = "aws elasticache modify-cache-cluster --cache-cluster-id ${clusterId}; keys live at most"
                    + " ${ttlMaxSeconds} s, hits reach ${hitRatioPercent}% on ${allowedNodeTypes}; braces that are"
                    + " no placeholder stay: {\"status\": \"healthy\"}, f'product:{product_id}', $HOME.")
    void namesThresholds() {
        fail("Fixture failed.");
    }

    /** Not indexed with the others: {@code CheckIndex} refuses it. */
    public static class Misspelt {

        @Check(id = "fixture_check_misspelt_threshold", title = "Names no threshold",
                remediation = "aws elasticache describe-cache-clusters --cache-cluster-id ${clusterID}")
        void misspelt() {
        }
    }
}
