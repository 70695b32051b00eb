package labcheck.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import labcheck.checks.CheckCatalog;
import labcheck.probe.Limits;
import labcheck.rubric.Rubric.RubricCheck;
import labcheck.rubric.Rubric.RubricItem;
import org.junit.jupiter.api.Test;

class RubricLoaderTest {

    /** The app probe's checks, implemented in labcheck.checks.app on another branch. */
    static final Set<String> APP_IDS = Set.of("app_health_redis_connected", "app_cache_hit_observed",
            "app_lazy_loading_miss_then_hit", "redis_product_key_populated_on_miss", "app_cache_hits_skip_database",
            "redis_product_key_ttl_set", "app_improvement_over_baseline", "app_hit_ratio_in_window",
            "app_load_test_concurrent", "app_write_through_update", "app_delete_invalidates_cache",
            "app_cache_warmed_top_products");

    static final Path FIXTURE = Path.of("src/test/resources/rubrics/infrastructure.yaml");

    private static Set<String> allIds() {
        Set<String> ids = new LinkedHashSet<>(CheckCatalog.ids());
        ids.addAll(APP_IDS);
        return ids;
    }

    private static final String VALID = """
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
                marks: 2
                checks:
                  - id: ec2_redis_port_open_only_to_app_sg
                    marks: 1
                  - id: ec2_redis_port_not_open_to_cidr
                    marks: 1
            """;

    private static Rubric parse(String yaml) {
        return RubricLoader.parse(yaml, "my.yaml", CheckCatalog.ids());
    }

    @Test
    void shippedRubricReproducesTheSeedsMarkMappingWhenTheAppChecksAreKnown() {
        Rubric rubric = RubricLoader.shipped(allIds());

        assertThat(rubric.total()).isEqualTo(20);
        assertThat(rubric.items()).extracting(RubricItem::marks)
                .containsExactly(4.0, 2.0, 3.0, 4.0, 2.0, 3.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(rubric.items().get(3).checks()).containsExactly(new RubricCheck("app_lazy_loading_miss_then_hit", 2),
                new RubricCheck("redis_product_key_populated_on_miss", 1), new RubricCheck("app_cache_hits_skip_database", 1));
        assertThat(rubric.bonus()).flatExtracting(RubricItem::checks).extracting(RubricCheck::id).containsExactly(
                "app_write_through_update", "app_cache_warmed_top_products", "app_delete_invalidates_cache",
                "cloudwatch_hit_ratio_alarm", "app_load_test_concurrent");
        assertThat(rubric.bonus()).extracting(RubricItem::marks).containsOnly(0.0);
        assertThat(rubric.thresholds()).isEqualTo(Thresholds.seedDefaults());
        assertThat(rubric.checkIds()).containsAll(CheckCatalog.ids());
    }

    @Test
    void shippedRubricLoadsAgainstTheCatalog() {
        assertThat(RubricLoader.shipped(CheckCatalog.ids()).total()).isEqualTo(20);
    }

    @Test
    void validRubricMapsEveryThreshold() {
        Rubric rubric = RubricLoader.load(FIXTURE, CheckCatalog.ids());

        assertThat(rubric.id()).isEqualTo("infrastructure-only");
        assertThat(rubric.thresholds()).isEqualTo(Thresholds.seedDefaults());
        assertThat(rubric.items()).hasSize(4);
        assertThat(rubric.origin()).isEqualTo(FIXTURE.toString());
    }

    @Test
    void thresholdsAreReadFromTheFileNotTheDefaults() {
        Rubric rubric = parse(VALID.replace("[cache.t2.micro]", "[cache.t2.micro, cache.t3.micro]")
                .replace("hitRatioPercent: 80", "hitRatioPercent: 90").replace("[redis]", "[redis, valkey]"));

        assertThat(rubric.thresholds().allowedNodeTypes()).containsExactly("cache.t2.micro", "cache.t3.micro");
        assertThat(rubric.thresholds().allowedEngines()).containsExactly("redis", "valkey");
        assertThat(rubric.thresholds().hitRatioPercent()).isEqualTo(90.0);
    }

    @Test
    void unknownCheckIdNamesFileLineAndTheClosestId() {
        assertThatThrownBy(() -> parse(VALID.replace("ec2_redis_port_not_open_to_cidr", "ec2_redis_port_not_open_to_cdir")))
                .isInstanceOf(RubricException.class)
                .hasMessage("my.yaml, line 24: check id 'ec2_redis_port_not_open_to_cdir' is unknown to this labcheck."
                        + " Fix: did you mean 'ec2_redis_port_not_open_to_cidr'? Use an id that `labcheck rubric`"
                        + " lists, or upgrade labcheck if the rubric is newer.");
    }

    @Test
    void itemMarksThatDoNotAddUpNameTheItemsLine() {
        assertThatThrownBy(() -> parse(VALID.replace("marks: 2\n    checks", "marks: 3\n    checks")
                .replace("total: 2", "total: 3")))
                .hasMessage("my.yaml, line 20: item 'sg' is worth 3 marks but its checks add up to 2. Fix: make its"
                        + " checks' marks add up to 3, or set its marks to 2.");
    }

    @Test
    void fractionalMarksThatDoNotAddUpAreWrittenAsTheRubricWritesThem() {
        // 0.1 + 0.2 is 0.30000000000000004 as a double, which the message used to show
        String checks = "marks: 1\n      - id: ec2_redis_port_not_open_to_cidr\n        marks: 1";
        assertThatThrownBy(() -> parse(VALID.replace("marks: 2\n    checks", "marks: 0.4\n    checks")
                .replace("total: 2", "total: 0.4")
                .replace(checks, checks.replaceFirst("marks: 1", "marks: 0.1").replace("marks: 1", "marks: 0.2"))))
                .hasMessage("my.yaml, line 20: item 'sg' is worth 0.4 marks but its checks add up to 0.3. Fix: make its"
                        + " checks' marks add up to 0.4, or set its marks to 0.3.");
    }

    @Test
    void totalThatDoesNotAddUpIsRefused() {
        assertThatThrownBy(() -> parse(VALID.replace("total: 2", "total: 20")))
                .hasMessage("my.yaml, line 4: total is 20 but the items' marks add up to 2. Fix: make the items add up"
                        + " to 20, or set total: 2.");
    }

    @Test
    void wrongTypeNamesTheFieldTheLineAndAnExample() {
        assertThatThrownBy(() -> parse(VALID.replace("marks: 1\n      - id: ec2_redis_port_not", "marks: one\n      - id: ec2_redis_port_not")))
                .hasMessage("my.yaml, line 23: items[0].checks[0].marks has the wrong type: expected a number."
                        + " Fix: write a number, e.g. 2 or 0.5.");
        assertThatThrownBy(() -> parse(VALID.replace("engineMajorVersion: 7", "engineMajorVersion: 7.5")))
                .hasMessageStartingWith("my.yaml, line 9: thresholds.engineMajorVersion has the wrong type: expected a"
                        + " whole number.");
        assertThatThrownBy(() -> parse(VALID.replace("items:\n", "items: cluster\n").replaceAll("(?s)\n  - id: sg.*", "\n")))
                .hasMessageStartingWith("my.yaml, line 17: items has the wrong type: expected a list.");
    }

    @Test
    void missingFieldsAreAllReportedWithTheSeedsValue() {
        RubricException e = org.junit.jupiter.api.Assertions.assertThrows(RubricException.class,
                () -> parse(VALID.replace("  ttlMaxSeconds: 3600\n", "").replace("    title: Security group\n", "")));

        assertThat(e.problems()).containsExactly(
                "my.yaml, line 5: field 'ttlMaxSeconds' is missing in thresholds. Fix: add `ttlMaxSeconds: 3600`.",
                "my.yaml, line 17: field 'title' is missing in items[0]. Fix: add `title: Redis cluster created correctly`.");
        assertThat(e.getMessage()).startsWith("rubric my.yaml has 2 problems:\n  my.yaml, line 5:");
    }

    @Test
    void aDeadlineDeductionIsOptionalAndNeverNegative() {
        assertThat(parse(VALID).thresholds().changedAfterDeadlineDeduction()).isZero();
        assertThat(parse(VALID.replace("  redisPort: 6379", "  redisPort: 6379\n  changedAfterDeadlineDeduction: 2"))
                .thresholds().changedAfterDeadlineDeduction()).isEqualTo(2);
        assertThatThrownBy(() -> parse(VALID.replace("  redisPort: 6379",
                "  redisPort: 6379\n  changedAfterDeadlineDeduction: -1")))
                .hasMessageContaining("thresholds.changedAfterDeadlineDeduction is -1, not a number of marks. Fix: use 0"
                        + " or more.");
    }

    @Test
    void unknownFieldIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse(VALID.replace("  redisPort: 6379", "  redisPort: 6379\n  redisPorts: 6380")))
                .hasMessageStartingWith("my.yaml, line 12: unknown field 'redisPorts' in thresholds. Fix: remove it,"
                        + " or use one of allowedEngines, allowedNodeTypes, baselineExcessMaxMs,"
                        + " changedAfterDeadlineDeduction, clusterId,");
    }

    @Test
    void invalidYamlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse(VALID.replace("title: T", "title: [T")))
                .hasMessageStartingWith("my.yaml, line ")
                .hasMessageContaining(": not valid YAML: ")
                .hasMessageEndingWith("Fix: indent with spaces (not tabs), end every key with a colon and close every"
                        + " quote.");
    }

    @Test
    void outOfRangeThresholdsAndNegativeMarksAreRefused() {
        RubricException e = org.junit.jupiter.api.Assertions.assertThrows(RubricException.class,
                () -> parse(VALID.replace("hitRatioPercent: 80", "hitRatioPercent: 0.8").replace("redisPort: 6379",
                        "redisPort: 70000")));

        assertThat(e.problems()).containsExactly(
                "my.yaml, line 11: thresholds.redisPort is 70000, outside 1..65535. Fix: use a value in that range;"
                        + " the seed lab's is 6379.",
                "my.yaml, line 14: thresholds.hitRatioPercent is 0.8, not a percentage from 1 to 100. Fix:"
                        + " write it as a percentage, e.g. 80 for 80%.");
    }

    @Test
    void theLazyLoadingShareAndTheWarmCountAreOptionalAndRead() {
        Rubric rubric = parse(VALID.replace("  minProducts: 1000\n",
                "  minProducts: 1000\n  lazyLoadingShareWhenHitsQueryDb: 0.25\n  warmTopProducts: 50\n"));

        assertThat(rubric.thresholds().lazyLoadingShareWhenHitsQueryDb()).isEqualTo(0.25);
        assertThat(rubric.thresholds().warmTopProducts()).isEqualTo(50);
        assertThat(parse(VALID).thresholds().lazyLoadingShareWhenHitsQueryDb()).isZero();
    }

    @Test
    void theBaselineExcessBoundIsOptionalReadAndRefusedOutOfRangeWithTheFix() {
        Rubric rubric = parse(VALID.replace("  minProducts: 1000\n", "  minProducts: 1000\n  baselineExcessMaxMs: 40\n"));
        assertThat(rubric.thresholds().baselineExcessMaxMs()).isEqualTo(40);
        assertThat(parse(VALID).thresholds().baselineExcessMaxMs()).isEqualTo(Thresholds.SEED_BASELINE_EXCESS_MAX_MS);

        RubricException e = org.junit.jupiter.api.Assertions.assertThrows(RubricException.class,
                () -> parse(VALID.replace("  minProducts: 1000\n", "  minProducts: 1000\n  baselineExcessMaxMs: -5\n")));
        assertThat(e.problems()).singleElement().asString().contains("baselineExcessMaxMs is -5")
                .contains("not a number of milliseconds").contains("e.g. 15");
    }

    @Test
    void aLazyLoadingShareOutsideZeroToOneIsRefusedWithTheFix() {
        RubricException e = org.junit.jupiter.api.Assertions.assertThrows(RubricException.class,
                () -> parse(VALID.replace("  minProducts: 1000\n",
                        "  minProducts: 1000\n  lazyLoadingShareWhenHitsQueryDb: 25\n")));

        assertThat(e.problems()).singleElement().asString().contains("lazyLoadingShareWhenHitsQueryDb is 25")
                .contains("not a share from 0 to 1").contains("e.g. 0.25");
    }

    @Test
    void aCheckListedTwiceIsRefused() {
        assertThatThrownBy(() -> parse(VALID.replace("ec2_redis_port_not_open_to_cidr", "ec2_redis_port_open_only_to_app_sg")))
                .hasMessage("my.yaml, line 24: check 'ec2_redis_port_open_only_to_app_sg' appears twice in the rubric."
                        + " Fix: list each check once; give it all its marks there.");
    }

    @Test
    void requestsPerAppTheProbeWouldRefuseIsRefusedWhenLoadedAndEveryValueThatLoadsRuns() {
        // GIVEN the probe's own bounds, the one source of what it accepts
        Limits.Bounds probe = Limits.REQUESTS_PER_APP;
        for (int refused : new int[] {2, probe.min() - 1, probe.max() + 1}) {
            assertThatThrownBy(() -> parse(VALID.replace("requestsPerApp: 100", "requestsPerApp: " + refused)))
                    .as("requestsPerApp %d", refused)
                    .hasMessage("my.yaml, line 15: thresholds.requestsPerApp is " + refused + ", outside " + probe
                            + ". Fix: use a value in that range; the seed lab's is 100.");
        }
        for (int accepted : new int[] {probe.min(), probe.max()}) {
            Rubric rubric = parse(VALID.replace("requestsPerApp: 100", "requestsPerApp: " + accepted));
            assertThat(Limits.DEFAULTS.withRequestsPerApp(rubric.thresholds().requestsPerApp()).requestsPerApp())
                    .isEqualTo(accepted);
        }
    }

    @Test
    void aThresholdWrittenTwiceIsRefusedNamingTheKeyAndBothLines() {
        assertThatThrownBy(() -> parse(VALID.replace("  minProducts: 1000\n", "  minProducts: 1000\n  requestsPerApp: 5\n")))
                .isInstanceOf(RubricException.class)
                .hasMessage("my.yaml, line 17: key 'requestsPerApp' appears twice in thresholds (first on line 15);"
                        + " YAML would keep only the last, silently. Fix: keep one of them.");
    }

    @Test
    void aRubricSavedAsUtf16OrLatin1IsNamedAsSuchWithTheFix(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path utf16 = java.nio.file.Files.write(dir.resolve("utf16.yaml"),
                VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        Path latin1 = java.nio.file.Files.write(dir.resolve("latin1.yaml"),
                VALID.replace("title: T", "title: Café").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> RubricLoader.load(utf16, CheckCatalog.ids())).isInstanceOf(RubricException.class)
                .hasMessageStartingWith(utf16 + " is saved as UTF-16 (with a byte-order mark); labcheck reads UTF-8."
                        + " Fix: save it as UTF-8: iconv -f UTF-16 -t UTF-8 " + utf16);
        assertThatThrownBy(() -> RubricLoader.load(latin1, CheckCatalog.ids())).isInstanceOf(RubricException.class)
                .hasMessageStartingWith(latin1 + " is not UTF-8: byte 0xE9 on line 3")
                .hasMessageContaining("iconv -f LATIN1 -t UTF-8 " + latin1);
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> RubricLoader.load(Path.of("no/such.yaml"), CheckCatalog.ids()))
                .isInstanceOf(RubricException.class)
                .hasMessage("rubric file no/such.yaml does not exist. Fix: give the path of a rubric YAML file, or"
                        + " leave out --rubric to use the shipped one.");
    }

    @Test
    void emptyItemsAreRefused() {
        assertThatThrownBy(() -> parse(VALID.replaceAll("(?s)items:.*", "items: []\n").replace("total: 2", "total: 0")))
                .hasMessage("my.yaml, line 17: there are no items. Fix: add a 'items:' list with at least one item.");
    }

    @Test
    void bonusMarksAreOptionalAndAreNotPartOfTheTotal() {
        Rubric rubric = parse(VALID + """
                bonus:
                  - id: alarm
                    title: Alarm
                    marks: 1
                    checks:
                      - id: cloudwatch_hit_ratio_alarm
                        marks: 1
                """);

        assertThat(rubric.total()).isEqualTo(2);
        assertThat(rubric.bonus()).singleElement().extracting(RubricItem::marks).isEqualTo(1.0);
        assertThat(List.copyOf(rubric.checkIds())).endsWith("cloudwatch_hit_ratio_alarm");
    }
}
